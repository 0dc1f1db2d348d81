import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding } from '../../server/plugins/compress-json';
import { tileImageSource } from '../../server/plugins/web-app';
import { compressDir } from '../../web/build/precompress.mjs';
import { startTestApp } from '../support/test-app';

/** A built app in miniature: a hashed script, a small one, the shell; compressed as the build does it. */
function fakeDist() {
  const dir = mkdtempSync(join(tmpdir(), 'web-dist-'));
  mkdirSync(join(dir, 'assets'));
  const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `网格${i}`))};\n`;
  writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js'), script);
  writeFileSync(join(dir, 'assets', 'tiny-Ef56.js'), 'export{};');
  writeFileSync(join(dir, 'assets', 'gone-Zz99.js.br'), 'left from an earlier build');
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>网格</title>${'<!-- shell -->'.repeat(100)}`);
  return { dir, script };
}

describe('the built web app: compressed copies, cache headers, the app shell', () => {
  const dist = fakeDist();
  let t: Awaited<ReturnType<typeof startTestApp>>;
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { accept: '*/*', ...headers } });

  beforeAll(async () => {
    const totals = compressDir(dist.dir);
    expect(totals.files).toBe(2); // the script and the shell; the 9-byte script is not worth it
    t = await startTestApp({ webDist: dist.dir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dist.dir, { recursive: true, force: true });
  });

  it('sends the brotli copy to a browser that accepts it, gzip to one that accepts only gzip, and says it varies', async () => {
    const br = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(dist.script);
    expect(br.rawPayload.length).toBeLessThan(dist.script.length / 3);

    const gz = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(dist.script);

    const plain = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(dist.script);
  });

  it('lets browsers keep hashed assets for a year, and revalidate the shell on every load', async () => {
    for (const url of ['/assets/index-Ab12Cd34.js', '/assets/tiny-Ef56.js'])
      expect((await get(url, { 'accept-encoding': 'br' })).headers['cache-control']).toBe(
        'public, max-age=31536000, immutable',
      );
    const shell = await get('/', { accept: 'text/html', 'accept-encoding': 'br' });
    expect(shell.statusCode).toBe(200);
    expect(shell.headers['cache-control']).toBe('no-cache');
    expect(shell.headers['content-encoding']).toBe('br');
    const route = await get('/residents?page=3', { accept: 'text/html', 'accept-encoding': 'gzip' });
    expect(route.statusCode).toBe(200);
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(gunzipSync(route.rawPayload).toString()).toContain('<title>网格</title>');
  });

  it('does not serve compressed copies by name, stale copies, or the shell for a missing script', async () => {
    expect((await get('/assets/index-Ab12Cd34.js.br')).statusCode).toBe(404);
    expect((await get('/assets/gone-Zz99.js', { 'accept-encoding': 'br' })).statusCode).toBe(404);
    expect(() => readFileSync(join(dist.dir, 'assets', 'gone-Zz99.js.br'))).toThrow(/ENOENT/);
    const missing = await get('/assets/index-00000000.js', { 'accept-encoding': 'br' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('no_route');
    // Neither a missing script nor an unknown API path gets the shell, even for a browser asking for HTML.
    for (const url of ['/assets/index-00000000.js', '/api/v1/nothing', '/api/v2/residents']) {
      const res = await get(url, { accept: 'text/html' });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code, url).toBe('no_route');
    }
    // A file added after the server started (a rebuild) is served at once.
    writeFileSync(join(dist.dir, 'assets', 'later-Gh78.js'), 'export const later = 1;');
    expect((await get('/assets/later-Gh78.js')).body).toBe('export const later = 1;');
  });
});

describe('content security policy for the basemap tiles', () => {
  it('admits the tile host in img-src only when a tile service is configured', async () => {
    const none = await startTestApp();
    const plain = String((await none.app.inject({ url: '/healthz' })).headers['content-security-policy']);
    await none.close();
    expect(plain).toMatch(/img-src 'self' data: blob:;/);

    const tiled = await startTestApp({
      mapTileUrl: 'https://t{s}.tianditu.gov.cn/vec_w/wmts?l={z}&x={x}&y={y}',
    });
    const csp = String((await tiled.app.inject({ url: '/healthz' })).headers['content-security-policy']);
    await tiled.close();
    expect(csp).toMatch(/img-src 'self' data: blob: https:\/\/\*\.tianditu\.gov\.cn;/);
    expect(csp).toMatch(/connect-src 'self';/);
  });

  it('names the origin, or the parent domain when the host has a subdomain placeholder', () => {
    expect(tileImageSource('http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:8080');
    expect(tileImageSource('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(
      'https://*.tile.openstreetmap.org',
    );
    expect(tileImageSource('https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}')).toBe(
      'https://*.is.autonavi.com',
    );
    expect(() => tileImageSource('javascript:alert(1)//{z}')).toThrow();
  });
});

describe('API answers compressed when the client accepts it', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor('centre001');
  });
  afterAll(async () => {
    await t?.close();
  });
  const list = (encoding?: string) =>
    t.app.inject({
      url: '/api/v1/registry/residents?limit=20',
      headers: { authorization: `Bearer ${token}`, ...(encoding ? { 'accept-encoding': encoding } : {}) },
    });

  /** The answer without its cursor, which is sealed with a fresh nonce on every call. */
  const rows = (json: { nextCursor?: unknown }) => ({ ...json, nextCursor: typeof json.nextCursor });

  it('sends a list brotli- or gzip-compressed, the same JSON, a fraction of the bytes', async () => {
    const plain = await list();
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    const br = await list('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(rows(JSON.parse(brotliDecompressSync(br.rawPayload).toString()))).toEqual(rows(plain.json()));
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    const gz = await list('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(rows(JSON.parse(gunzipSync(gz.rawPayload).toString()))).toEqual(rows(plain.json()));
    expect((await list('br;q=0, gzip;q=0')).headers['content-encoding']).toBeUndefined();
    expect((await list('*')).headers['content-encoding']).toBe('br');
  });

  it('leaves small answers and refusals alone', async () => {
    const health = await t.app.inject({ url: '/healthz', headers: { 'accept-encoding': 'br' } });
    expect(health.headers['content-encoding']).toBeUndefined();
    const refused = await t.app.inject({
      url: '/api/v1/registry/residents',
      headers: { 'accept-encoding': 'br' },
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.json().code).toBe('unauthenticated');
  });

  it('reads Accept-Encoding as browsers and proxies write it', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding('*;q=0')).toBeNull();
  });
});
