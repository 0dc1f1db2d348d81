import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { buildApp } from '../../server/app';
import { type Config, testConfig } from '../../server/config';
import { type Database, openDatabase } from '../../server/db/client';
import { demoBearerToken } from './demo-login';
import { testPii } from './test-keys';

/** Opens this test file's database: the run's PostgreSQL database, or a private PGlite copy of the seed. */
export async function openTestDatabase(): Promise<Database> {
  const databaseUrl = inject('databaseUrl');
  if (databaseUrl) return openDatabase({ databaseUrl, dataDir: '', poolSize: 4 });
  const snapshot = inject('pgliteSnapshot');
  const blob = new Blob([await readFile(snapshot!)]);
  return openDatabase({ dataDir: 'memory://', loadDataDir: blob });
}

/** The real HTTP app over the test database; use `app.inject` for requests. */
export async function startTestApp(overrides: Partial<Config> = {}) {
  const db = await openTestDatabase();
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
      await db.close();
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
