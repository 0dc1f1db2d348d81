import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Config } from './config';
import { type Database, databaseAnswers } from './db/client';
import { handleError } from './lib/http-errors';
import type { PiiCipher } from './lib/pii';
import { accountRoutes } from './modules/accounts';
import { AreaDirectory, AreaNode, areaRoutes } from './modules/areas';
import { auditRoutes } from './modules/audit';
import { authGuard, authRoutes } from './modules/auth';
import { clientConfigRoutes } from './modules/client-config';
import { eventRoutes } from './modules/events';
import { combineOutboxHandlers, type Jobs, startJobs } from './modules/jobs';
import { EVENT_NOTIFICATIONS, notificationRoutes, SUPERVISION_NOTIFICATIONS } from './modules/notifications';
import { personalReadRoutes } from './modules/personal-access';
import { registryRoutes } from './modules/registry';
import { routingRoutes } from './modules/routing';
import { supervisionRoutes, sweepJob } from './modules/supervision';
import { installJsonCompression } from './plugins/compress-json';
import metrics from './plugins/metrics';
import { installValidators } from './plugins/validation';
import { serveWebApp, tileImageSource } from './plugins/web-app';

export interface AppDeps {
  config: Config;
  db: Database;
  pii: PiiCipher;
  /** Defaults to loading the area tree from the database. */
  areas?: AreaDirectory;
  logger?: FastifyServerOptions['logger'];
}

/** Same-origin everything; Ant Design injects its styles at run time, hence inline styles. */
const CSP_BASE = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
};

/** The basemap's tiles are images from the tile service's host (any of its subdomains), allowed only when configured. */
function contentSecurityPolicy(config: Config) {
  if (!config.mapTileUrl) return CSP_BASE;
  return { ...CSP_BASE, imgSrc: [...CSP_BASE.imgSrc, tileImageSource(config.mapTileUrl)] };
}

/** Request logs carry method, path and status only: query strings may hold names or ID numbers. */
const redactingSerializers = {
  req: (req: { method: string; url: string; id: string }) => ({
    id: req.id,
    method: req.method,
    path: req.url.split('?')[0],
  }),
};

export async function buildApp(deps: AppDeps) {
  const { config, db, pii } = deps;
  const areas = deps.areas ?? (await AreaDirectory.load(db));
  const app = Fastify({
    // A caller's logger options (tests capture logs) keep the redacting serializers.
    logger:
      deps.logger === false
        ? false
        : {
            level: config.logLevel,
            ...(typeof deps.logger === 'object' ? deps.logger : {}),
            serializers: redactingSerializers,
          },
    bodyLimit: config.bodyLimitBytes,
    // Unique across processes and restarts: audit rows and logs are joined on it.
    genReqId: () => randomUUID(),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(handleError);
  installValidators(app);
  installJsonCompression(app);
  // The API speaks JSON only: other bodies get 415 rather than a confusing validation error.
  app.removeContentTypeParser('text/plain');
  app.addSchema(AreaNode);
  // 3.1: TypeBox emits JSON Schema 2020-12 forms (numeric exclusiveMinimum, null in anyOf), which 3.0 refuses.
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Grid governance platform API',
        version: '1',
        description: '网格化社会服务管理平台 API',
      },
    },
    // Shared schemas keep their $id as their component name (the web's generated types use it).
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  await app.register(metrics, { config });
  await app.register(helmet, { contentSecurityPolicy: { directives: contentSecurityPolicy(config) } });
  // Per account when signed in (an office behind one NAT address is many people), else per address.
  // The limiter runs as a route hook, after the guard's app-wide onRequest has resolved the actor.
  await app.register(rateLimit, {
    max: config.apiRateLimit,
    timeWindow: 60_000,
    keyGenerator: (req) => (req.actor ? `account:${req.actor.accountId}` : `address:${req.ip}`),
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      code: 'rate_limited',
      message: `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  });
  await app.register(authGuard, { db, config, areas });

  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    const ok = await databaseAnswers(db);
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'database unavailable' });
  });

  await app.register(
    async (api) => {
      await api.register(clientConfigRoutes, { config });
      await api.register(authRoutes, { db, config, areas, pii });
      await api.register(auditRoutes, { db });
      await api.register(areaRoutes, { areas });
      await api.register(registryRoutes, { config, db, areas, pii });
      await api.register(personalReadRoutes, { db });
      await api.register(accountRoutes, { db, areas, pii });
      await api.register(eventRoutes, { db, areas, pii });
      await api.register(routingRoutes, { db, areas });
      await api.register(notificationRoutes, { db, pii });
      await api.register(supervisionRoutes, { db });
      api.setNotFoundHandler((req, reply) =>
        reply.status(404).send({
          statusCode: 404,
          code: 'no_route',
          message: `No API route ${req.method} ${req.url.split('?')[0]}`,
        }),
      );
    },
    { prefix: '/api/v1' },
  );

  await serveWebApp(app, config.webDist);
  if (config.jobs) {
    // The job queue and the outbox relay live as long as the app (each server process runs its own).
    let jobs: Jobs | undefined;
    app.addHook('onReady', async () => {
      // Each module that acts on outbox topics adds its handler map here.
      const outboxHandlers = combineOutboxHandlers(EVENT_NOTIFICATIONS, SUPERVISION_NOTIFICATIONS);
      jobs = await startJobs({ db, log: app.log, outboxHandlers, scheduled: [sweepJob(db)] });
    });
    app.addHook('onClose', async () => jobs?.stop());
  }
  return app;
}
