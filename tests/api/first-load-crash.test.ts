// The first demo load survives kill -9 at any point: the next start clears the interrupted load, loads
// again and serves the whole district. Runs on the engine of the test run: PGlite data folders in a temp
// dir, or fresh databases on the DATABASE_URL server.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig, testConfig } from '../../server/config';
import { type Database, openDatabase } from '../../server/db/client';
import { migrate } from '../../server/db/migrate';
import { DEMO_PASSWORD, verifyPassword } from '../../server/modules/auth';
import { METRICS } from '../../server/modules/registry';
import { DEMO_TABLES, seedIfEmpty } from '../../server/modules/seed';
import { demoBearerToken } from '../support/demo-login';
import { testPii, testPiiKeys } from '../support/test-keys';

const CHILD = fileURLToPath(new URL('./first-load-crash.child.ts', import.meta.url));
const serverUrl = loadConfig().databaseUrl;

/** Where one database lives, as the child takes it and as the test opens it. */
type Target = { args: string[]; open: () => Promise<Database> };
let scratch: string;
let admin: pg.Client | null = null;
const created: string[] = [];

async function freshTarget(name: string): Promise<Target> {
  if (!serverUrl) {
    const dir = join(scratch, name);
    return { args: ['--data-dir', dir], open: () => openDatabase({ dataDir: dir }) };
  }
  const database = `gg_crash_${process.pid}_${name}`;
  await admin!.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin!.query(`CREATE DATABASE ${database}`);
  created.push(database);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  return { args: ['--database-url', databaseUrl], open: () => openDatabase({ databaseUrl, dataDir: '' }) };
}

/**
 * Runs the load in a child and kills it (SIGKILL): 'first', 'indexes' and 'done' when it reports being
 * paused there (after the first progress report, before the index rebuild, before accounts and rollups);
 * 'half' as soon as a progress report of half the rows or more arrives, wherever it has got to by then.
 */
async function loadAndKill(target: Target, point: string): Promise<string[]> {
  const free = point === 'half';
  const pause = free ? [] : ['--pause-at', point];
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...target.args, ...pause], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const trigger = (line: string) => {
    if (!free) return line === 'paused';
    const [word, done, total] = line.split(' ');
    return word === 'progress' && Number(done) >= Number(total) / 2;
  };
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  let buffered = '';
  child.stdout.on('data', (chunk) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      if (trigger(line)) child.kill('SIGKILL');
    }
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
    child.on('exit', (c, s) => resolve([c, s])),
  );
  clearTimeout(timer);
  expect(lines, `the load must be killed before it finishes (stderr: ${stderr})`).not.toContain('finished');
  expect(lines.some(trigger), `kill point '${point}' reached (stderr: ${stderr})`).toBe(true);
  expect([code, signal]).toEqual([null, 'SIGKILL']);
  return lines;
}

/** What `npm start` does with the database before it serves (the administrator account aside). */
async function startUp(db: Database): Promise<string[]> {
  const log: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => log.push(JSON.parse(line).msg) });
  await migrate(db);
  await seedIfEmpty(db, testPiiKeys, testConfig({ seedOnEmpty: 'small', seedNumber: 1 }), logger);
  return log;
}

const INDEXES_AND_CONSTRAINTS = `
  SELECT tablename || ': ' || indexdef AS d FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL
  SELECT conrelid::regclass::text || ': ' || conname || ' ' || pg_get_constraintdef(oid) || ' valid=' || convalidated
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  ORDER BY 1`;
const definitions = async (db: Database) =>
  (await db.query<{ d: string }>(INDEXES_AND_CONSTRAINTS)).map((r) => r.d);

async function tableCounts(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of DEMO_TABLES) {
    counts[table] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  }
  return counts;
}

const areaCounts = (db: Database) =>
  db.query<{ area_id: number; metric: string; n: number }>(
    'SELECT area_id, metric, n FROM area_counts ORDER BY area_id, metric',
  );

/** The reference: indexes of a freshly migrated database, counts of an uninterrupted load. */
let reference: {
  definitions: string[];
  counts: Record<string, number>;
  areaCounts: Awaited<ReturnType<typeof areaCounts>>;
};

/** Everything `npm start` promises, compared with the reference. */
async function expectWholeDistrict(db: Database) {
  expect(await definitions(db)).toEqual(reference.definitions);
  expect(await tableCounts(db)).toEqual(reference.counts);
  expect(await areaCounts(db)).toEqual(reference.areaCounts);
  for (const [metric, m] of Object.entries(METRICS)) {
    const where = ['archived_at IS NULL', m.where].filter(Boolean).join(' AND ');
    const [row] = await db.query<{ rollup: number; actual: number }>(
      `SELECT (SELECT coalesce(sum(n), 0) FROM area_counts WHERE metric = $1)::int AS rollup,
              (SELECT count(*) FROM ${m.table} WHERE ${where})::int AS actual`,
      [metric],
    );
    expect(row!.rollup, `rollup of ${metric}`).toBe(row!.actual);
  }
  const [state] = await db.query<{ scale: string; finished: boolean }>(
    'SELECT scale, finished_at IS NOT NULL AS finished FROM seed_state',
  );
  expect(state).toEqual({ scale: 'small', finished: true });
  const hashes = await db.query<{ password_hash: string }>('SELECT DISTINCT password_hash FROM accounts');
  expect(hashes).toHaveLength(1);
  expect(await verifyPassword(hashes[0]!.password_hash, DEMO_PASSWORD)).toBe(true);
  const app = await buildApp({
    config: testConfig({ webDist: '/nonexistent' }),
    db,
    pii: testPii,
    logger: false,
  });
  try {
    await app.ready();
    for (const role of ['grid_worker', 'district_centre']) {
      const [account] = await db.query<{ username: string }>(
        'SELECT username FROM accounts WHERE role = $1 ORDER BY username LIMIT 1',
        [role],
      );
      const token = await demoBearerToken(app, db, account!.username);
      const me = await app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
      expect(me.statusCode, `${role} signs in`).toBe(200);
    }
  } finally {
    await app.close();
  }
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'gg-crash-'));
  if (serverUrl) {
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
  }
  const db = await (await freshTarget('reference')).open();
  try {
    await migrate(db);
    const fresh = await definitions(db);
    const log = await startUp(db);
    expect(log.some((line) => /did not finish/.test(line))).toBe(false);
    reference = { definitions: fresh, counts: await tableCounts(db), areaCounts: await areaCounts(db) };
    expect(reference.counts.residents).toBeGreaterThan(0);
    expect(await definitions(db)).toEqual(fresh);
  } finally {
    await db.close();
  }
}, 180_000);

afterAll(async () => {
  for (const database of created) await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin?.end();
  await rm(scratch, { recursive: true, force: true });
});

describe(`first demo load killed (kill -9) on ${serverUrl ? 'PostgreSQL' : 'PGlite'}`, () => {
  const points = ['first', 'half', 'indexes', 'done'];
  it.each(points)(
    'at %s: the next start clears it, loads again and serves the whole district',
    async (point) => {
      const target = await freshTarget(point);
      await loadAndKill(target, point);
      const db = await target.open();
      try {
        const log = await startUp(db);
        expect(
          log.some((line) =>
            /demo load started at .* did not finish .* clearing its partial data/.test(line),
          ),
        ).toBe(true);
        await expectWholeDistrict(db);
      } finally {
        await db.close();
      }
    },
    180_000,
  );

  it.skipIf(!serverUrl)(
    'two processes starting at once after a kill: one loads, the other waits for it',
    async () => {
      const target = await freshTarget('together');
      await loadAndKill(target, 'half');
      const [a, b] = [await target.open(), await target.open()];
      try {
        const logs = await Promise.all([startUp(a), startUp(b)]);
        const cleared = logs.filter((log) => log.some((line) => /did not finish/.test(line)));
        const loaded = logs.filter((log) => log.some((line) => /demo district loaded/.test(line)));
        expect([cleared.length, loaded.length]).toEqual([1, 1]);
        await expectWholeDistrict(a);
      } finally {
        await a.close();
        await b.close();
      }
    },
    180_000,
  );
});
