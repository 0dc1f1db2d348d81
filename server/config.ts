import { homedir } from 'node:os';
import { join } from 'node:path';
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** The only module that reads process.env. Validated once at start-up. */
const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String({ minLength: 1 }),
  databaseUrl: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  dataDir: Type.String({ minLength: 1 }),
  logLevel: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
  ),
  /** Hex keys, all three or none; when absent the demo keeps them in a key file outside dataDir. */
  piiKeys: Type.Optional(Type.String({ minLength: 1 })),
  piiHmacKey: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' })),
  auditKey: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' })),
  /** The demo's key file; by default keys-<install id>.json in keysDir (never inside dataDir). */
  keysFile: Type.Optional(Type.String({ minLength: 1 })),
  keysDir: Type.String({ minLength: 1 }),
  seedOnEmpty: Type.Union([
    Type.Literal('small'),
    Type.Literal('district'),
    Type.Literal('city'),
    Type.Literal('none'),
  ]),
  seedNumber: Type.Integer({ minimum: 0 }),
  webDist: Type.String(),
  bodyLimitBytes: Type.Integer({ minimum: 1024 }),
  sessionIdleMinutes: Type.Integer({ minimum: 1 }),
  sessionAbsoluteHours: Type.Integer({ minimum: 1 }),
  /** Failed sign-ins per (username, client address) before a lock. */
  loginMaxFailures: Type.Integer({ minimum: 1 }),
  /** The first lock's length; each further lock of the same (username, client) doubles, up to the max. */
  loginLockMinutes: Type.Integer({ minimum: 1 }),
  loginLockMaxMinutes: Type.Integer({ minimum: 1 }),
  /** Per client address and minute, on POST /auth/login. */
  loginRateLimit: Type.Integer({ minimum: 1 }),
  /** Per client address and minute, on every other API route. */
  apiRateLimit: Type.Integer({ minimum: 1 }),
  /** Personal records one account may read in an hour before an audited bulk-browsing alert. */
  bulkReadAlertPerHour: Type.Integer({ minimum: 1 }),
  /** Exact ID-number / phone searches per account and hour (each is on record). */
  identitySearchPerHour: Type.Integer({ minimum: 1 }),
  /** Server processes (node:cluster); 0 = one per core on PostgreSQL. PGlite allows only 1. */
  workers: Type.Integer({ minimum: 0, maximum: 64 }),
  /** PostgreSQL connections per process. */
  dbPoolSize: Type.Integer({ minimum: 1, maximum: 200 }),
  /** Send cookies with the Secure flag (behind HTTPS). */
  secureCookies: Type.Boolean(),
  /** /metrics on its own listener (METRICS_HOST:METRICS_PORT); without it and without a token, 404. */
  metricsPort: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
  metricsHost: Type.String({ minLength: 1 }),
  /** When set, every /metrics request must send `Authorization: Bearer <token>`. */
  metricsToken: Type.Optional(Type.String({ minLength: 16 })),
  /** Optional basemap tile template (天地图 with the district's key, or an own tile server); none = polygons only. */
  mapTileUrl: Type.Optional(Type.String({ pattern: '^https?://[^\\s]*\\{z\\}[^\\s]*$' })),
  mapTileCoordinates: Type.Union([Type.Literal('wgs84'), Type.Literal('gcj02')]),
  mapTileAttribution: Type.String(),
  mapTileMaxZoom: Type.Integer({ minimum: 1, maximum: 22 }),
  mapTileSubdomains: Type.String(),
  /** Run the job queue and the outbox relay in this process (every server process may; tests turn it off). */
  jobs: Type.Boolean(),
  /** Where outgoing SMS / WeChat Work messages go: 'log' records them and writes a log line (no gateway yet). */
  sender: Type.Literal('log'),
});
export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = {
    port: env.PORT === undefined ? 3000 : Number(env.PORT),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? './data',
    logLevel: env.LOG_LEVEL ?? 'info',
    piiKeys: env.PII_KEYS || undefined,
    piiHmacKey: env.PII_HMAC_KEY || undefined,
    auditKey: env.AUDIT_KEY || undefined,
    keysFile: env.KEYS_FILE || undefined,
    keysDir: join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'grid-governance'),
    seedOnEmpty: env.SEED_ON_EMPTY ?? 'district',
    seedNumber: env.SEED_NUMBER === undefined ? 1 : Number(env.SEED_NUMBER),
    webDist: env.WEB_DIST ?? 'web/dist',
    bodyLimitBytes: env.BODY_LIMIT_BYTES === undefined ? 256 * 1024 : Number(env.BODY_LIMIT_BYTES),
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 30),
    sessionAbsoluteHours: Number(env.SESSION_ABSOLUTE_HOURS ?? 12),
    loginMaxFailures: Number(env.LOGIN_MAX_FAILURES ?? 5),
    loginLockMinutes: Number(env.LOGIN_LOCK_MINUTES ?? 1),
    loginLockMaxMinutes: Number(env.LOGIN_LOCK_MAX_MINUTES ?? 60),
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 20),
    apiRateLimit: Number(env.API_RATE_LIMIT ?? 1200),
    bulkReadAlertPerHour: Number(env.BULK_READ_ALERT_PER_HOUR ?? 2000),
    identitySearchPerHour: Number(env.IDENTITY_SEARCH_PER_HOUR ?? 60),
    workers: Number(env.WORKERS ?? 0),
    dbPoolSize: Number(env.DB_POOL_SIZE ?? 10),
    secureCookies: env.SECURE_COOKIES === 'true',
    metricsPort: env.METRICS_PORT ? Number(env.METRICS_PORT) : undefined,
    metricsHost: env.METRICS_HOST ?? '127.0.0.1',
    metricsToken: env.METRICS_TOKEN || undefined,
    mapTileUrl: env.MAP_TILE_URL || undefined,
    mapTileCoordinates: env.MAP_TILE_COORDINATES ?? 'wgs84',
    mapTileAttribution: env.MAP_TILE_ATTRIBUTION ?? '',
    mapTileMaxZoom: Number(env.MAP_TILE_MAX_ZOOM ?? 18),
    mapTileSubdomains: env.MAP_TILE_SUBDOMAINS ?? '',
    jobs: env.JOBS !== 'off',
    sender: env.SENDER ?? 'log',
  };
  if (!Value.Check(ConfigSchema, raw)) {
    const problems = [...Value.Errors(ConfigSchema, raw)].map((e) => `${e.path || '/'}: ${e.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  if (!raw.databaseUrl && raw.workers > 1) {
    throw new ConfigError(
      'Invalid configuration:\n  WORKERS: PGlite is one in-process database; set DATABASE_URL for more than one process',
    );
  }
  const keysGiven = [raw.piiKeys, raw.piiHmacKey, raw.auditKey].filter(Boolean).length;
  if (keysGiven !== 0 && keysGiven !== 3) {
    throw new ConfigError(
      'Invalid configuration:\n  set PII_KEYS, PII_HMAC_KEY and AUDIT_KEY together (or none, for the demo key file)',
    );
  }
  return raw;
}

/** Settings for tests: in-memory PGlite unless TEST_DATABASE_URL names a PostgreSQL server. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const generous = { API_RATE_LIMIT: '1000000', LOGIN_RATE_LIMIT: '1000000' };
  return {
    ...loadConfig({ LOG_LEVEL: 'silent', SEED_ON_EMPTY: 'none', JOBS: 'off', ...generous }),
    ...overrides,
  };
}
