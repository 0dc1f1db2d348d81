import { execSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../../server/app';
import { loadConfig, testConfig } from '../../server/config';
import { ensureAdministrator } from '../../server/modules/auth';
import { createSeededDatabase } from './seeded-database';
import { testPii } from './test-keys';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the real server (built web app + API) over a seeded small district. */
    appUrl: string;
    /** The first-start administrator's one-time password (account administration tests sign in with it). */
    adminPassword: string;
  }
}

/**
 * For browser tests: builds the web app if stale, seeds the small district (PGlite, or a fresh database on
 * DATABASE_URL's server), and serves the whole product on a free port of 127.0.0.1.
 */
export default async function setup(project: TestProject) {
  execSync('node scripts/ensure-web-build.mjs', { stdio: 'inherit' });
  const { databaseUrl } = loadConfig();
  let dropDatabase = async () => {};
  let url: string | undefined;
  if (databaseUrl) {
    const { default: pg } = await import('pg');
    const name = `gg_browser_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(databaseUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    dropDatabase = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  const db = await createSeededDatabase({ databaseUrl: url, dataDir: 'memory://' });
  const app = await buildApp({
    // As the product runs: the job queue and the outbox relay on (the message centre fills from it).
    config: testConfig({ webDist: 'web/dist', jobs: true }),
    db,
    pii: testPii,
    // TEST_SERVER_LOG=<file> keeps the server's warnings and errors (a 500 in a browser test says only "logged").
    logger: process.env.TEST_SERVER_LOG ? { level: 'warn', file: process.env.TEST_SERVER_LOG } : false,
  });
  // As on a first start: an administrator with a random password (it enrols two-factor sign-in when first used).
  const administrator = await ensureAdministrator(db);
  project.provide('adminPassword', administrator?.password ?? '');
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  project.provide('appUrl', address);
  process.env.APP_URL = address;
  return async () => {
    await app.close();
    await db.close();
    await dropDatabase();
  };
}
