import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../../server/app';
import { type Config, testConfig } from '../../server/config';
import { type Database, openDatabase } from '../../server/db/client';
import { demoBearerToken } from './demo-login';
import { createSeededDatabase } from './seeded-database';
import { testPii } from './test-keys';

/** Opens this test file's database: the run's PostgreSQL database, or a private PGlite copy of the seed. */
export async function openTestDatabase(): Promise<Database> {
  const databaseUrl = inject('databaseUrl');
  if (databaseUrl) return openDatabase({ databaseUrl, dataDir: '', poolSize: 4 });
  const snapshot = inject('pgliteSnapshot');
  const blob = new Blob([await readFile(snapshot!)]);
  return openDatabase({ dataDir: 'memory://', loadDataDir: blob });
}

/**
 * A database no other test file sees, for a file that adds rows other files enumerate (accounts, which files pick
 * by role). On PGlite every file's copy already is one: `open` answers that copy each time. On PostgreSQL the files
 * share the run's database, so this seeds a database of its own; `open` gives a new handle to it (a second server
 * process), `drop` removes it once the handles are closed.
 */
export async function ownTestDatabase(): Promise<{ open(): Promise<Database>; drop(): Promise<void> }> {
  const shared = inject('databaseUrl');
  if (!shared) {
    const db = await openTestDatabase();
    return { open: async () => db, drop: () => db.close() };
  }
  const url = new URL(shared);
  const name = `${url.pathname.slice(1)}_own_${randomBytes(4).toString('hex')}`;
  const server = new pg.Client({
    connectionString: Object.assign(new URL(shared), { pathname: '/postgres' }).toString(),
  });
  await server.connect();
  await server.query(`CREATE DATABASE ${name}`);
  url.pathname = `/${name}`;
  await (await createSeededDatabase({ databaseUrl: url.toString(), dataDir: '' })).close();
  return {
    open: () => openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 4 }),
    async drop() {
      await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await server.end();
    },
  };
}

/**
 * The real HTTP app over the test database (or over `database`, which the caller then closes); use `app.inject`
 * for requests.
 */
export async function startTestApp(overrides: Partial<Config> = {}, database?: Database) {
  const db = database ?? (await openTestDatabase());
  const config = testConfig({ webDist: '/nonexistent', ...overrides });
  const app = await buildApp({ config, db, pii: testPii, logger: false });
  await app.ready();
  return {
    app,
    db,
    config,
    /** A bearer token of a demo account: demo password, demo TOTP code where enrolled (see demo-login.ts). */
    tokenFor(username: string, password?: string): Promise<string> {
      return demoBearerToken(app, db, username, password);
    },
    async close() {
      await app.close();
      if (!database) await db.close();
    },
  };
}

/** Usernames of the small demo district's accounts, by role (see server/modules/seed/accounts.ts). */
export async function demoAccounts(db: Database) {
  const rows = await db.query<{
    username: string;
    role: string;
    area_ids: number[];
    department_code: string | null;
  }>(
    `SELECT a.username, a.role, a.area_ids, d.code AS department_code
       FROM accounts a LEFT JOIN departments d ON d.id = a.department_id ORDER BY a.username`,
  );
  return rows;
}
