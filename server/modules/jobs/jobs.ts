import type { FastifyBaseLogger as Logger } from 'fastify';
import type PgBoss from 'pg-boss';
import type { Database } from '../../db/client';
import { ensureStatelyQueue, startQueue } from './queue';
import { type OutboxHandlers, type RelayResult, relayOutbox } from './relay';

/** Work run on a schedule, by whichever process takes the job; `now` is the jobs' clock. */
export type ScheduledWork = (now: Date) => Promise<void>;

export interface ScheduledJob {
  /** A pg-boss queue name: letters, digits, '-', '_', '.'. */
  name: string;
  /** Cron in UTC. */
  cron: string;
  work: ScheduledWork;
}

export interface JobsOptions {
  db: Database;
  log: Logger;
  outboxHandlers: OutboxHandlers;
  /** Work run on a schedule from start (modules export these; `schedule` adds more later). */
  scheduled?: readonly ScheduledJob[];
  /** The clock scheduled work and the relay read (a test's controllable clock). */
  now?: () => Date;
}

export interface Jobs {
  /** Relays pending outbox rows now, in this process (what the queued and scheduled runs do). */
  relayNow(): Promise<RelayResult>;
  /** A named job run by cron (UTC; pg-boss sends each slot once, to one process). */
  schedule(name: string, cron: string, work: ScheduledWork): Promise<void>;
  /** Runs a scheduled job's work now, with the jobs' clock (tests). */
  runNow(name: string): Promise<void>;
  stop(): Promise<void>;
}

const RELAY_QUEUE = 'outbox-relay';
/** Every minute: retries that came due, and rows whose NOTIFY this process missed. */
const RELAY_CRON = '* * * * *';
const OUTBOX_CHANNEL = 'gg_outbox';

/**
 * Starts the job queue (pg-boss) and the outbox relay: outbox inserts NOTIFY every process, which asks the
 * queue for a relay run (at most one waiting: a stately queue), and one process takes it. The relay itself
 * is safe to run anywhere at once (rows are taken FOR UPDATE SKIP LOCKED), so nothing in memory is shared.
 */
export async function startJobs(options: JobsOptions): Promise<Jobs> {
  const { db, log, outboxHandlers } = options;
  const now = options.now ?? (() => new Date());
  const boss = await startQueue(db, log);
  const scheduled = new Map<string, ScheduledWork>();
  let stopped = false;

  const relayNow = () => relayOutbox(db, outboxHandlers, { now });
  const relayJob = async () => {
    const result = await relayNow();
    if (result.processed + result.failed + result.parked > 0) log.info({ relay: result }, 'outbox relayed');
    if (result.parked > 0) log.error({ parked: result.parked }, 'outbox rows parked after repeated failures');
  };
  const work = async (name: string, run: () => Promise<void>, pollingIntervalSeconds: number) => {
    await ensureStatelyQueue(boss, name);
    await boss.work(name, { pollingIntervalSeconds }, async () => run());
  };

  await work(RELAY_QUEUE, relayJob, 1);
  await boss.schedule(RELAY_QUEUE, RELAY_CRON);
  const askForRelay = () => {
    if (stopped) return;
    boss.send(RELAY_QUEUE, {}).catch((error) => log.error({ err: error }, 'could not queue an outbox relay'));
  };
  await db.listen(OUTBOX_CHANNEL, askForRelay, (listening) => {
    if (listening) askForRelay();
  });

  const schedule = async (name: string, cron: string, run: ScheduledWork) => {
    scheduled.set(name, run);
    await work(name, () => run(now()), 5);
    await boss.schedule(name, cron);
  };
  for (const job of options.scheduled ?? []) await schedule(job.name, job.cron, job.work);

  return {
    relayNow,
    schedule,
    async runNow(name) {
      const run = scheduled.get(name);
      if (!run) throw new Error(`No scheduled job ${name}`);
      await run(now());
    },
    async stop() {
      stopped = true;
      await stopQueue(boss);
    },
  };
}

async function stopQueue(boss: PgBoss) {
  await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
}
