import { rmSync } from 'node:fs';
import pg from 'pg';
import { loadConfig } from '../server/config';
import { type Database, openDatabase } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { createPiiCipher } from '../server/lib/pii';
import { setAuditKey } from '../server/modules/audit';

/** Fixed keys for benchmark data (generated, thrown away). */
export const benchPii = createPiiCipher({
  encryptionKeys: { 1: Buffer.alloc(32, 3) },
  currentVersion: 1,
  hmacKey: Buffer.alloc(32, 5),
});
/** In-process benchmarks audit (sign-ins, writes) with this key; a server started on the data gets it as AUDIT_KEY. */
export const benchAuditKey = Buffer.alloc(32, 7);
setAuditKey(benchAuditKey);

/** The PostgreSQL server to benchmark: DATABASE_URL, else the local one. */
export function serverUrl(): string {
  return loadConfig().databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A migrated database of the given name: PGlite in /tmp, or a database on the PostgreSQL server. */
export async function benchDatabase(
  engine: 'pglite' | 'postgres',
  name: string,
  fresh: boolean,
): Promise<Database> {
  if (engine === 'pglite') {
    const dir = `/tmp/${name}`;
    if (fresh) rmSync(dir, { recursive: true, force: true });
    const db = await openDatabase({ dataDir: dir });
    await migrate(db);
    return db;
  }
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const db = await openDatabase({ databaseUrl: withDatabase(serverUrl(), name), dataDir: '' });
  await migrate(db);
  return db;
}

export async function dropBenchDatabase(engine: 'pglite' | 'postgres', name: string) {
  if (engine === 'pglite') return rmSync(`/tmp/${name}`, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
