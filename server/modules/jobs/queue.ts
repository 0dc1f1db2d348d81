import type { FastifyBaseLogger as Logger } from 'fastify';
import PgBoss from 'pg-boss';
import type { Database } from '../../db/client';

/**
 * pg-boss over the app's own database handle: on PostgreSQL it shares the process's pool, on PGlite it runs
 * on the one in-process connection (a PGlite query waits for a running transaction, so pg-boss's statements
 * never land inside the app's). Several processes may each start one: pg-boss migrates its schema under an
 * advisory lock, takes jobs with FOR UPDATE SKIP LOCKED and sends each cron slot once.
 */
export async function startQueue(db: Database, log: Logger): Promise<PgBoss> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => db.executeSql(text, values) },
    schema: 'pgboss',
    migrate: true,
    supervise: true,
    schedule: true,
    // Finished jobs are kept a day for inspection, then archived and dropped by pg-boss's maintenance.
    archiveCompletedAfterSeconds: 24 * 3600,
  });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  return boss;
}

/** A queue of at most one waiting and one running job: asking again while one waits is a no-op. */
export async function ensureStatelyQueue(boss: PgBoss, name: string): Promise<void> {
  if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy: 'stately' });
}
