import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Logger } from 'pino';
import type { Config } from './config';

/**
 * How many processes serve HTTP: WORKERS, or one per core on PostgreSQL. PGlite is one database inside
 * one process, so there it is always one. Nothing in a server process's memory needs agreeing on with
 * another (sessions and their revocations go through the database), so any number may run side by side.
 */
export function serverProcessCount(config: Config): number {
  if (!config.databaseUrl) return 1;
  return config.workers > 0 ? config.workers : availableParallelism();
}

/** True in a process forked by runWorkers: it only serves (the primary has migrated and seeded). */
export const isServerWorker = () => cluster.isWorker;

/**
 * Forks `count` server processes sharing one port (node:cluster: the primary accepts connections and
 * hands them out in turn). A worker that dies is replaced, unless they keep dying; SIGINT/SIGTERM stop
 * them all, each closing its connections first.
 */
export function runWorkers(count: number, log: Logger, ready: () => void): void {
  let stopping = false;
  let exitCode = 0;
  let listening = 0;
  const deaths: number[] = [];
  cluster.on('listening', () => {
    listening += 1;
    if (listening === count) ready();
  });
  cluster.on('exit', (worker, code, signal) => {
    const left = Object.keys(cluster.workers ?? {}).length;
    if (stopping) {
      if (left === 0) process.exit(exitCode);
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths.length && now - deaths[0]! > 60_000) deaths.shift();
    if (deaths.length > count * 3) {
      log.fatal('server processes keep exiting; stopping');
      exitCode = 1;
      stop('exits');
      return;
    }
    log.error({ worker: worker.process.pid, code, signal }, 'a server process exited; starting another');
    cluster.fork();
  });
  const stop = (signal: string) => {
    stopping = true;
    log.info({ signal }, 'shutting down');
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(exitCode);
    for (const worker of workers) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(exitCode), 15_000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  for (let i = 0; i < count; i++) cluster.fork();
}
