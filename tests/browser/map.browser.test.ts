import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gcj02ToWgs84, wgs84ToGcj02 } from '../../core/geo/gcj02';
import { pointInRing, type Ring } from '../../core/geo/polygon';
import { buildApp } from '../../server/app';
import { type Config, testConfig } from '../../server/config';
import type { Database } from '../../server/db/client';
import { createSeededDatabase } from '../support/seeded-database';
import { testPii } from '../support/test-keys';
import {
  appUrl,
  demoAccount,
  freshDemoCode,
  openPage,
  screenshot,
  settled,
  signIn,
  useBrowser,
  watchPage,
} from './harness';

type Feature = {
  properties: { code: string; name: string };
  geometry: { type: string; coordinates: unknown };
};
const AREA_PATHS = '[data-testid=area-map] path[data-code]';

/** A 256 × 256 PNG tile: light grey with a dark border, so drawn tiles are visible in the screenshots. */
function tilePng(): Buffer {
  const size = 256;
  const rows = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const edge = x < 2 || y < 2;
      rows.fill(edge ? 120 : 232, y * (size * 3 + 1) + 1 + x * 3, y * (size * 3 + 1) + 4 + x * 3);
    }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The outer rings of a boundary's (multi)polygon. */
const outerRings = (f: Feature): Ring[] =>
  f.geometry.type === 'Polygon'
    ? [(f.geometry.coordinates as Ring[])[0]!]
    : (f.geometry.coordinates as Ring[][]).map((p) => p[0]!);

const metres = (a: readonly number[], b: readonly number[]) => {
  const k = (Math.PI / 180) * 6_371_000;
  return Math.hypot((a[0]! - b[0]!) * k * Math.cos((a[1]! * Math.PI) / 180), (a[1]! - b[1]!) * k);
};

/**
 * Where on the basemap a screen point is, read from a drawn tile: its z/x/y (from its URL) and where it sits on
 * screen give the Web Mercator pixel, hence the longitude and latitude *in the tiles' own datum*.
 */
async function screenToTileLngLat(page: Page, screen: { x: number; y: number }): Promise<[number, number]> {
  const tile = await page.evaluate(() => {
    const img = document.querySelector<HTMLImageElement>('img.leaflet-tile-loaded');
    if (!img) return null;
    const [z, x, y] = new URL(img.src).pathname
      .split('/')
      .slice(-3)
      .map((s) => Number.parseInt(s, 10));
    const r = img.getBoundingClientRect();
    return { z: z!, x: x!, y: y!, left: r.left, top: r.top, scale: r.width / 256 };
  });
  if (!tile) throw new Error('no tile drawn');
  const world = 256 * 2 ** tile.z;
  const gx = tile.x * 256 + (screen.x - tile.left) / tile.scale;
  const gy = tile.y * 256 + (screen.y - tile.top) / tile.scale;
  const lng = (gx / world) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * gy) / world))) * 180) / Math.PI;
  return [lng, lat];
}

/** The boundaries the page asked for, fetched again with its session (a response body may be gone by now). */
async function featuresOf(page: Page, url: string): Promise<{ features: Feature[] }> {
  const res = await page.request.get(url);
  if (!res.ok()) throw new Error(`GET ${url}: ${res.status()}`);
  return res.json();
}

/** A screen point inside the area's drawn polygon (the centre of its box may fall outside). */
async function pointInside(page: Page, code: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((c) => {
    const path = document.querySelector<SVGPathElement>(`path[data-code="${c}"]`)!;
    const box = path.getBBox();
    const screen = path.getScreenCTM()!;
    for (let i = 1; i < 400; i++) {
      const p = new DOMPoint(box.x + box.width * ((i * 0.618) % 1), box.y + box.height * ((i * 0.382) % 1));
      if (path.isPointInFill(p)) {
        const s = p.matrixTransform(screen);
        // The point must reach this path, not a label or another path on top.
        const top = document.elementFromPoint(s.x, s.y);
        if (top === path) return { x: s.x, y: s.y };
      }
    }
    return null;
  }, code);
  if (!point) throw new Error(`no clickable point inside ${code}`);
  return point;
}

describe('the grid map (Leaflet)', () => {
  const browser = useBrowser();

  it('without a basemap: every grid painted, no tile requested, a click selects the grid under it', async () => {
    const page = await openPage(browser());
    const watch = watchPage(page);
    await signIn(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const [boundaries] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/boundaries')),
      page.goto(appUrl(), { waitUntil: 'networkidle' }),
    ]);
    await page.locator(AREA_PATHS).first().waitFor();
    const expected = await featuresOf(page, boundaries.url());
    expect(await page.locator(AREA_PATHS).count()).toBe(expected.features.length);
    // Painted: every path has a non-empty shape and a fill.
    const shapes = await page
      .locator(AREA_PATHS)
      .evaluateAll((paths) =>
        paths.map((p) => ({ d: p.getAttribute('d') ?? '', fill: p.getAttribute('fill') })),
      );
    expect(shapes.every((s) => s.d.length > 20 && s.fill && s.fill !== 'none')).toBe(true);
    expect(await page.locator('.leaflet-tile-pane img').count()).toBe(0);
    expect(requests.every((u) => u.startsWith(appUrl()))).toBe(true);
    // The list of areas is the text alternative, and keyboard-reachable buttons.
    expect(
      await page.getByRole('navigation', { name: '地图中的区域' }).getByRole('button').count(),
    ).toBeGreaterThan(0);

    const grid = expected.features[Math.floor(expected.features.length / 2)]!;
    const at = await pointInside(page, grid.properties.code);
    await page.mouse.click(at.x, at.y);
    await page.waitForURL(new RegExp(`area=${grid.properties.code}`));
    await settled(page);
    await page.locator(`${AREA_PATHS}[data-selected=true]`).waitFor();
    expect(await page.locator(`${AREA_PATHS}[data-selected=true]`).getAttribute('data-code')).toBe(
      grid.properties.code,
    );
    await screenshot(page, 'map-grid-selected');
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  describe('with a basemap from a tile server', () => {
    let db: Database;
    let tiles: Server;
    const tileRequests: string[] = [];
    const apps: Record<'wgs84' | 'gcj02', { url: string; close: () => Promise<unknown> }> = {} as never;

    beforeAll(async () => {
      const png = tilePng();
      tiles = createServer((req, res) => {
        tileRequests.push(req.url ?? '');
        res.writeHead(200, { 'content-type': 'image/png' }).end(png);
      });
      await new Promise<void>((done) => tiles.listen(0, '127.0.0.1', done));
      const tileUrl = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}/tiles/{z}/{x}/{y}.png`;
      db = await createSeededDatabase({ dataDir: 'memory://' });
      for (const datum of ['wgs84', 'gcj02'] as const) {
        const config: Config = testConfig({
          webDist: 'web/dist',
          mapTileUrl: tileUrl,
          mapTileCoordinates: datum,
          mapTileAttribution: '测试底图',
        });
        const app = await buildApp({ config, db, pii: testPii, logger: false });
        apps[datum] = { url: await app.listen({ port: 0, host: '127.0.0.1' }), close: () => app.close() };
      }
    });
    afterAll(async () => {
      await apps.wgs84?.close();
      await apps.gcj02?.close();
      tiles?.close();
      await db?.close();
    });

    /** The overview of a community, signed in on `base`, once its tiles are drawn. */
    async function openCommunity(base: string) {
      const page = await openPage(browser());
      const watch = watchPage(page);
      for (let attempt = 0; ; attempt++) {
        const login = await page.request.post(`${base}/api/v1/auth/login`, {
          data: { ...demoAccount, totp: await freshDemoCode(attempt), tokenType: 'cookie' },
        });
        if (login.ok()) break;
        if (attempt === 2) throw new Error(`sign-in failed: ${login.status()} ${await login.text()}`);
      }
      const district = page.waitForResponse((r) => r.url().includes('/boundaries'));
      await page.goto(base, { waitUntil: 'networkidle' });
      const grid = (await featuresOf(page, (await district).url())).features[0]!.properties.code;
      // A grid is shown among its community's grids: the boundaries the page asks for are those drawn.
      const [boundaries] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/boundaries')),
        page.goto(`${base}/?area=${grid}`, { waitUntil: 'networkidle' }),
      ]);
      await page.locator(AREA_PATHS).first().waitFor();
      await page.locator('img.leaflet-tile-loaded').first().waitFor();
      await page.waitForTimeout(400);
      const features = (await featuresOf(page, boundaries.url())).features;
      return { page, watch, grid, features };
    }

    /** Distance between where a polygon's west and north edges are drawn on the tiles and where `datum` puts them. */
    async function edgeOffset(
      page: Page,
      feature: Feature,
      convert: (p: [number, number]) => [number, number],
    ) {
      // The shape's own box (getBBox), not the box of its stroke (3 px for the selected grid).
      const corner = await page.evaluate((code) => {
        const path = document.querySelector<SVGPathElement>(`path[data-code="${code}"]`)!;
        const box = path.getBBox();
        const p = new DOMPoint(box.x, box.y).matrixTransform(path.getScreenCTM()!);
        return { x: p.x, y: p.y };
      }, feature.properties.code);
      const drawn = await screenToTileLngLat(page, corner);
      const points = outerRings(feature)
        .flat()
        .map((p) => convert(p));
      const west = Math.min(...points.map((p) => p[0]));
      const north = Math.max(...points.map((p) => p[1]));
      return metres(drawn, [west, north]);
    }

    it('requests and draws tiles under the polygons, WGS84 tiles unshifted', async () => {
      const { page, watch, features } = await openCommunity(apps.wgs84.url);
      expect(tileRequests.length).toBeGreaterThan(0);
      expect(tileRequests.every((u) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(u))).toBe(true);
      expect(await page.locator('img.leaflet-tile-loaded').count()).toBeGreaterThan(0);
      await page.getByText('测试底图').waitFor();
      expect(await page.locator(AREA_PATHS).count()).toBe(features.length);
      expect(await edgeOffset(page, features[0]!, (p) => p)).toBeLessThan(25);
      await screenshot(page, 'map-basemap-wgs84');
      expect(watch.problems).toEqual([]);
      await page.context().close();
    });

    it('GCJ-02 tiles: polygons shifted by the datum offset, a click answered in WGS84', async () => {
      const { page, watch, features } = await openCommunity(apps.gcj02.url);
      const feature = features[0]!;
      // Drawn where GCJ-02 puts the grid, a few hundred metres from where WGS84 would.
      expect(await edgeOffset(page, feature, wgs84ToGcj02)).toBeLessThan(25);
      const shift = await edgeOffset(page, feature, (p) => p);
      expect(shift).toBeGreaterThan(300);
      expect(shift).toBeLessThan(800);

      const at = await pointInside(page, feature.properties.code);
      await page.mouse.click(at.x, at.y);
      const reported = (await page.getByTestId('area-map').getAttribute('data-point'))!
        .split(',')
        .map(Number);
      const onTiles = await screenToTileLngLat(page, at);
      expect(metres(reported, gcj02ToWgs84(onTiles))).toBeLessThan(25);
      expect(metres(reported, onTiles)).toBeGreaterThan(300);
      expect(outerRings(feature).some((ring) => pointInRing(reported[0]!, reported[1]!, ring))).toBe(true);
      await screenshot(page, 'map-basemap-gcj02');
      expect(watch.problems).toEqual([]);
      await page.context().close();
    });
  });
});
