import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { buildApp } from '../../server/app';
import { testConfig } from '../../server/config';
import { type Database, openDatabase } from '../../server/db/client';
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
export async function startTestApp() {
  const db = await openTestDatabase();
  const app = await buildApp({
    config: testConfig({ webDist: '/nonexistent' }),
    db,
    pii: testPii,
    logger: false,
  });
  await app.ready();
  return {
    app,
    db,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
