import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Hashed file names change with their content: a browser may keep them for a year without asking again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The app shell names the current hashed files, so it is revalidated on every load (a 304 when unchanged). */
export const REVALIDATE = 'no-cache';

/**
 * Serves the built web app (web/dist): brotli or gzip copies made at build time (scripts/compress-web.mjs) when the
 * browser accepts them, hashed assets cached for good, and the app shell for any other GET that asks for HTML
 * (client-side routes). Nothing is registered when the app is not built.
 */
export async function serveWebApp(app: FastifyInstance, webDist: string) {
  const root = resolve(webDist);
  if (!existsSync(root)) return;
  const assets = `${resolve(root, 'assets')}${sep}`;
  await app.register(fastifyStatic, {
    root,
    // Looked up per request, not listed at start: a rebuild while the server runs is served at once.
    wildcard: true,
    preCompressed: true,
    // The compressed copies are picked by Accept-Encoding, never asked for by name.
    allowedPath: (path) => !/\.(br|gz)$/.test(path),
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', path.startsWith(assets) ? IMMUTABLE : REVALIDATE);
    },
  });
  app.setNotFoundHandler((req, reply) => {
    // The API's unknown paths stay JSON 404s even for a browser (they reach here through the file route).
    const appRoute = !req.url.startsWith('/api/') && !req.url.startsWith('/assets/');
    if (req.method === 'GET' && appRoute && String(req.headers.accept ?? '').includes('text/html'))
      return reply.sendFile('index.html');
    return reply.status(404).send({
      statusCode: 404,
      code: 'no_route',
      message: `No ${req.url.startsWith('/api/') ? 'API route' : 'route'} ${req.method} ${req.url.split('?')[0]}`,
    });
  });
}

/**
 * The CSP source that admits a tile template's images: its origin, or with `{s}` in the host name the parent domain's
 * subdomains (`https://t{s}.tianditu.gov.cn/…` → `https://*.tianditu.gov.cn`).
 */
export function tileImageSource(template: string): string {
  const match = /^(https?):\/\/([^/?#]+)/.exec(template);
  if (!match) throw new Error(`not an http(s) tile template: ${template}`);
  const [, scheme, host] = match as unknown as [string, string, string];
  if (!host.includes('{')) return new URL(`${scheme}://${host}`).origin;
  const labels = host.split('.');
  const parent = labels.slice(labels.findLastIndex((l) => l.includes('{')) + 1).join('.');
  return `${scheme}://*.${new URL(`${scheme}://${parent}`).host}`;
}
