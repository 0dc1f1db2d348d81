import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../server/config';
import { createSeededDatabase } from './seeded-database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PostgreSQL URL of the run's own database, or null on PGlite. */
    databaseUrl: string | null;
    /** Path of a PGlite data-folder dump holding the seeded small district. */
    pgliteSnapshot: string | null;
  }
}

/**
 * Seeds the `small` district once per run. With DATABASE_URL, in a fresh database on that server
 * (dropped afterwards); otherwise in PGlite, dumped so that every test file starts from its own copy.
 */
export default async function setup(project: TestProject) {
  const { databaseUrl } = loadConfig();
  if (databaseUrl) {
    const name = `gg_test_${process.pid}_${Date.now()}`;
    const server = new pg.Client({ connectionString: databaseUrl });
    await server.connect();
    await server.query(`CREATE DATABASE ${name}`);
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    const db = await createSeededDatabase({ databaseUrl: url.toString(), dataDir: '' });
    await db.close();
    project.provide('databaseUrl', url.toString());
    project.provide('pgliteSnapshot', null);
    return async () => {
      await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await server.end();
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'gg-test-'));
  const db = await createSeededDatabase({ dataDir: 'memory://' });
  const dump = await db.dumpDataDir!();
  await db.close();
  const file = join(dir, 'small.tar.gz');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('databaseUrl', null);
  project.provide('pgliteSnapshot', file);
  return () => rm(dir, { recursive: true, force: true });
}
