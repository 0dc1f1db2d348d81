import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import * as schema from './schema';

export type Orm = PgDatabase<PgQueryResultHKT, typeof schema>;

/** One handle over either engine: Drizzle for typed queries, raw SQL for analytics and COPY for bulk loads. */
export interface Database {
  readonly engine: 'pglite' | 'postgres';
  readonly orm: Orm;
  query<T extends Record<string, unknown>>(text: string | SQL, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script atomically (one implicit transaction, simple query protocol). */
  script(text: string): Promise<void>;
  /** Runs fn while holding a session advisory lock, so that processes starting at once take turns. */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** Bulk-load CSV rows (no header) with COPY. */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
  /**
   * Calls onMessage with each NOTIFY on channel, from any process; onState(true) once listening,
   * onState(false) when notifications may be missed (the connection dropped; it reconnects by itself).
   * Resolves after the first attempt.
   */
  listen(
    channel: string,
    onMessage: (payload: string) => void,
    onState: (listening: boolean) => void,
  ): Promise<void>;
  /**
   * The driver's own answer (`{ rows }`), for libraries that bring their SQL (pg-boss): a text without
   * parameters may hold several statements (the last one's result is answered).
   */
  executeSql(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  /** PGlite only: the data folder as a tarball, to start other databases from (tests). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** PGlite data folder, or 'memory://' for a throwaway database. */
  dataDir: string;
  /** A PGlite data-folder dump to start from (tests reuse one seeded database). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : openPglite(options);
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  const memory = options.dataDir.startsWith('memory://');
  if (!memory) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create(memory ? undefined : options.dataDir, {
    loadDataDir: options.loadDataDir,
  });
  const orm = drizzlePglite(client, { schema }) as unknown as Orm;
  return {
    engine: 'pglite',
    orm,
    query: queryVia(orm, (text, params) => client.query(text, params)),
    async script(text) {
      await client.exec(text);
    },
    // PGlite is one connection inside one process: there is nobody else to wait for.
    withLock: (_key, fn) => fn(),
    async copyCsv(table, columns, csv) {
      await client.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([csv]),
      });
    },
    // One connection in this process: a notification arrives on it when the notifying transaction commits.
    async listen(channel, onMessage, onState) {
      await client.listen(channel, onMessage);
      onState(true);
    },
    async executeSql(text, params) {
      if (params?.length) return client.query(text, params);
      const results = await client.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    },
    dumpDataDir: () => client.dumpDataDir('gzip'),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const listeners = new Set<pg.Client>();
  let closed = false;
  /**
   * LISTEN on a connection of its own (not the pool's). When it drops, say so and try again every second
   * until the database is closed.
   */
  const listenOn = async (
    channel: string,
    onMessage: (payload: string) => void,
    onState: (listening: boolean) => void,
  ): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    listeners.add(client);
    let lost = false;
    const retry = () => {
      if (lost) return;
      lost = true;
      listeners.delete(client);
      client.end().catch(() => undefined);
      if (closed) return;
      onState(false);
      setTimeout(() => {
        if (!closed) void listenOn(channel, onMessage, onState);
      }, 1000).unref();
    };
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', (n) => {
      if (n.channel === channel) onMessage(n.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (!lost) onState(true);
    } catch {
      retry();
    }
  };
  pool.on('error', () => {
    /* idle client errors surface on the next query; keep the process alive */
  });
  // A connection that dies while checked out (a transaction between two queries) emits 'error' with no listener
  // of the pool's: unhandled, that ended the process. Its next query fails instead, and the pool drops it on release.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const orm = drizzlePg(pool, { schema }) as unknown as Orm;
  return {
    engine: 'postgres',
    orm,
    query: queryVia(orm, (text, params) => pool.query(text, params)),
    async script(text) {
      await pool.query(text);
    },
    async withLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
        client.release();
      }
    },
    async copyCsv(table, columns, csv) {
      const client = await pool.connect();
      try {
        const stream = client.query(
          copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`),
        );
        await new Promise<void>((resolve, reject) => {
          stream.on('error', reject);
          stream.on('finish', resolve);
          stream.end(csv);
        });
      } finally {
        client.release();
      }
    },
    listen: listenOn,
    async executeSql(text, params) {
      const result = (await pool.query(text, params)) as pg.QueryResult | pg.QueryResult[];
      return Array.isArray(result) ? (result[result.length - 1] ?? { rows: [] }) : result;
    },
    async close() {
      closed = true;
      await Promise.all([...listeners].map((c) => c.end().catch(() => undefined)));
      await pool.end();
    },
  };
}

/** Rows of a Drizzle `execute` on either driver (both answer `{ rows }`). */
/** `Database.query` over a driver: Drizzle `SQL` runs through the ORM, a string with its parameters on the driver. */
function queryVia(
  orm: Orm,
  run: (text: string, params: unknown[]) => Promise<{ rows: unknown[] }>,
): Database['query'] {
  return async <T extends Record<string, unknown>>(text: string | SQL, params: unknown[] = []) =>
    (typeof text === 'string' ? (await run(text, params)).rows : await execRows(orm, text)) as T[];
}

export async function execRows<T>(tx: Orm, query: SQL | string): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}

export async function databaseAnswers(db: Database): Promise<boolean> {
  try {
    await db.query(sql`SELECT 1`);
    return true;
  } catch {
    return false;
  }
}
