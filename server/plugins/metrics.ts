import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { Config } from '../config';

declare module 'fastify' {
  interface FastifyInstance {
    /** Address of the separate metrics listener (METRICS_PORT), once the app is ready; null without one. */
    metricsAddress: () => AddressInfo | null;
  }
}

type MetricsConfig = Pick<Config, 'metricsPort' | 'metricsHost' | 'metricsToken'>;

/** Constant-time check of `Authorization: Bearer <token>`; true when no token is configured. */
function authorised(header: string | undefined, token: string | undefined): boolean {
  if (token === undefined) return true;
  const sent = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7).trim() : '');
  const expected = Buffer.from(token);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/**
 * Prometheus metrics: process defaults plus request durations by route and status. Never public:
 * - METRICS_PORT: served on its own listener (METRICS_HOST, default 127.0.0.1), apart from the API;
 * - METRICS_TOKEN: every /metrics request must carry it as a bearer token (401 otherwise);
 * - with neither, /metrics on the API port answers 404 like any unknown path. With a port but no token,
 *   the API port answers 404 and only the separate listener serves metrics.
 */
export default fp<{ config: MetricsConfig }>(async function metrics(app: FastifyInstance, { config }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  const unauthorised = {
    statusCode: 401,
    code: 'unauthenticated',
    message: 'Metrics need their bearer token',
  };

  if (config.metricsToken !== undefined) {
    app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
      if (!authorised(req.headers.authorization, config.metricsToken))
        return reply.status(401).send(unauthorised);
      reply.type(registry.contentType);
      return registry.metrics();
    });
  }

  let server: Server | null = null;
  app.decorate('metricsAddress', () => (server?.address() as AddressInfo | null) ?? null);
  if (config.metricsPort === undefined) return;
  const port = config.metricsPort;
  app.addHook('onReady', async () => {
    server = createServer((req, res) => {
      const send = (status: number, type: string, body: string) => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      };
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics')
        return send(404, 'text/plain', 'not found');
      if (!authorised(req.headers.authorization, config.metricsToken))
        return send(401, 'application/json', JSON.stringify(unauthorised));
      registry.metrics().then(
        (text) => send(200, registry.contentType, text),
        () => send(500, 'text/plain', 'metrics unavailable'),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(port, config.metricsHost, resolve);
    });
  });
  app.addHook('onClose', async () => {
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
  });
});
