import pino from 'pino';
import { buildApp } from './app';
import { isServerWorker, runWorkers, serverProcessCount } from './cluster';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/client';
import { migrate } from './db/migrate';
import { prepareKeys } from './lib/key-check';
import { KeysUnavailableError } from './lib/pii-keys';
import { auditKeys } from './modules/audit';
import { ensureAdministrator } from './modules/auth';
import { seedIfEmpty } from './modules/seed';

/**
 * The primary process migrates, loads the demo on an empty database and creates the first administrator;
 * then it serves, or (PostgreSQL, several processes) forks workers that only serve. See cluster.ts.
 */
async function main() {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  const worker = isServerWorker();
  const processes = serverProcessCount(config);
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
  });
  if (!worker) {
    const applied = await migrate(db);
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
  }
  const { keys, pii } = await prepareKeys(config, db, log, auditKeys);
  if (!worker) {
    await seedIfEmpty(db, keys.pii, config, log);
    const admin = await ensureAdministrator(db);
    if (admin) {
      console.log(
        `\n  First start: an administrator account was created.\n  username: ${admin.username}\n  password: ${admin.password}\n  This password is shown once and stored nowhere in clear.\n  Its first sign-in sets up two-factor sign-in (an authenticator app) before anything else.\n`,
      );
    }
  }
  const shown = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  const ready = () =>
    log.info(
      `ready: web app http://${shown}:${config.port}/ · API docs http://${shown}:${config.port}/docs · ${processes} server process${processes > 1 ? 'es' : ''}`,
    );
  if (!worker && processes > 1) {
    await db.close();
    runWorkers(processes, log, ready);
    return;
  }

  const app = await buildApp({ config, db, pii });
  // Ctrl-C reaches the workers twice (SIGINT from the terminal, SIGTERM from the primary): close once.
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  if (!worker) ready();
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof KeysUnavailableError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
