import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, execRows, openDatabase } from '../../server/db/client';

// PostgreSQL only: PGlite has no connections to lose.
const url = process.env.DATABASE_URL;

describe.skipIf(!url)('a PostgreSQL connection lost while a transaction holds it', () => {
  let db: Database;
  let other: Database;
  beforeAll(async () => {
    db = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 2 });
    other = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 1 });
  });
  afterAll(async () => {
    await db?.close();
    await other?.close();
  });

  it('fails that transaction only: the process lives on and the pool serves the next request', async () => {
    const cut = db.orm.transaction(async (tx) => {
      const [row] = await execRows<{ pid: number }>(tx, sql`SELECT pg_backend_pid() AS pid`);
      await other.query('SELECT pg_terminate_backend($1)', [row!.pid]);
      // The connection's error arrives while no query of it runs (an unhandled 'error' event ended the process).
      await sleep(300);
      await execRows(tx, sql`SELECT 1`);
    });
    await expect(cut).rejects.toThrow();
    expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
