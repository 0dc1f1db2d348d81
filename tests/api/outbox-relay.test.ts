import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../server/db/client';
import {
  backoffSeconds,
  combineOutboxHandlers,
  type OutboxHandlers,
  relayOutbox,
  startJobs,
} from '../../server/modules/jobs';
import { ownTestDatabase } from '../support/test-app';

/**
 * The outbox relay on a database of its own (it takes every pending row, so it must not take another file's):
 * rows with test topics, handlers that write to a table of the test's own.
 */
const onPostgres = Boolean(inject('databaseUrl'));
const CHILD = fileURLToPath(new URL('./outbox-relay.child.ts', import.meta.url));

describe('outbox relay', () => {
  let own: Awaited<ReturnType<typeof ownTestDatabase>>;
  let db: Database;
  const T0 = new Date('2026-12-01T02:00:00Z');

  beforeAll(async () => {
    own = await ownTestDatabase();
    db = await own.open();
    await db.query('CREATE TABLE relay_effects (outbox_id bigint NOT NULL, handler text NOT NULL)');
  }, 180_000);
  afterAll(async () => {
    await db?.close();
    // On PGlite the file's copy is the database just closed.
    await own?.drop().catch(() => undefined);
  });

  const effect =
    (handler: string): OutboxHandlers[string][number] =>
    async (tx, m) => {
      await tx.execute(sql`INSERT INTO relay_effects (outbox_id, handler) VALUES (${m.id}, ${handler})`);
    };
  const add = async (topic: string, n: number) =>
    (
      await db.query<{ id: string }>(
        `INSERT INTO outbox (topic, record_id, payload) SELECT $1, g, jsonb_build_object('n', g)
           FROM generate_series(1, $2::int) g RETURNING id`,
        [topic, n],
      )
    ).map((r) => Number(r.id));
  const effectsOf = async (ids: number[]) =>
    db.query<{ outbox_id: string; handler: string }>(
      'SELECT outbox_id, handler FROM relay_effects WHERE outbox_id = ANY($1::bigint[]) ORDER BY outbox_id, handler',
      [ids],
    );
  const pending = async (ids: number[]) =>
    Number(
      (
        await db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM outbox WHERE id = ANY($1::bigint[]) AND processed_at IS NULL',
          [ids],
        )
      )[0]!.n,
    );

  it('hands every pending row, in batches, to each handler of its topic once, and marks it processed', async () => {
    const ids = await add('test.ok', 250);
    const handlers = { 'test.ok': [effect('a'), effect('b')] };
    const first = await relayOutbox(db, handlers, { batchSize: 100, now: () => T0 });
    expect(first.processed).toBeGreaterThanOrEqual(250);
    expect(first.failed + first.parked).toBe(0);
    const effects = await effectsOf(ids);
    expect(effects).toHaveLength(500);
    expect(new Set(effects.map((e) => `${e.outbox_id}:${e.handler}`)).size).toBe(500);
    expect(await pending(ids)).toBe(0);
    // Nothing left: a second run does nothing.
    expect(await relayOutbox(db, handlers, { now: () => T0 })).toEqual({
      processed: 0,
      failed: 0,
      parked: 0,
    });
    expect(await effectsOf(ids)).toHaveLength(500);
  });

  it('rolls back a failing row’s writes, goes on with the rows after it, retries with backoff and parks it at last', async () => {
    const ids = await add('test.flaky', 3);
    const bad = ids[1]!;
    let failing = true;
    const handlers: OutboxHandlers = {
      'test.flaky': [
        effect('before'),
        async (tx, m) => {
          await tx.execute(sql`INSERT INTO relay_effects (outbox_id, handler) VALUES (${m.id}, 'doomed')`);
          if (m.id === bad && failing) throw new Error('gateway answered 503');
        },
      ],
    };
    const run1 = await relayOutbox(db, handlers, { now: () => T0, maxAttempts: 3 });
    expect(run1).toMatchObject({ processed: 2, failed: 1, parked: 0 });
    expect((await effectsOf([bad])).length, 'the failed row wrote nothing').toBe(0);
    expect(await effectsOf([ids[0]!, ids[2]!])).toHaveLength(4);
    const [attempt] = await db.query<{ attempts: number; last_error: string; next_attempt_at: Date }>(
      'SELECT attempts, last_error, next_attempt_at FROM outbox_attempts WHERE outbox_id = $1',
      [bad],
    );
    expect(attempt).toMatchObject({ attempts: 1, last_error: 'Error: gateway answered 503' });
    expect(new Date(attempt!.next_attempt_at).getTime()).toBe(T0.getTime() + backoffSeconds(1) * 1000);

    // Not due yet: left alone.
    expect(await relayOutbox(db, handlers, { now: () => new Date(T0.getTime() + 10_000) })).toMatchObject({
      processed: 0,
      failed: 0,
    });
    // Due, fails again; then parked on the third failure with the error kept.
    let clock = T0.getTime();
    for (const attempts of [2, 3]) {
      clock += backoffSeconds(attempts - 1) * 1000;
      await relayOutbox(db, handlers, { now: () => new Date(clock), maxAttempts: 3 });
    }
    const [parked] = await db.query<{ attempts: number; parked_at: Date | null }>(
      'SELECT attempts, parked_at FROM outbox_attempts WHERE outbox_id = $1',
      [bad],
    );
    expect(parked!.attempts).toBe(3);
    expect(parked!.parked_at).not.toBeNull();
    failing = false;
    const later = new Date(clock + 10 * 3600_000);
    expect(await relayOutbox(db, handlers, { now: () => later })).toMatchObject({ processed: 0 });
    expect(await pending([bad])).toBe(1);

    // A person unparks it (deletes the attempt line): the next run delivers it, once.
    await db.query('DELETE FROM outbox_attempts WHERE outbox_id = $1', [bad]);
    expect(await relayOutbox(db, handlers, { now: () => later })).toMatchObject({ processed: 1 });
    expect((await effectsOf([bad])).map((e) => e.handler)).toEqual(['before', 'doomed']);
  });

  it('marks rows of a topic nobody handles processed, without blocking the others', async () => {
    const ids = await add('test.unhandled', 2);
    expect((await relayOutbox(db, {}, { now: () => T0 })).processed).toBeGreaterThanOrEqual(2);
    expect(await pending(ids)).toBe(0);
  });

  it.runIf(onPostgres)(
    'leaves the rows of a relay process killed mid-run pending, with none of its writes',
    async () => {
      const ids = await add('test.crash', 3);
      const [{ name }] = (await db.query<{ name: string }>('SELECT current_database() AS name')) as [
        { name: string },
      ];
      const url = Object.assign(new URL(inject('databaseUrl')!), { pathname: `/${name}` }).toString();
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, 'test.crash'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('inside')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`relay child exited early (${code})`)));
      });
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      expect(await pending(ids)).toBe(3);
      expect(await effectsOf(ids)).toHaveLength(0);
      // The rows were locked only by the dead run's transaction: a later run takes them, once the server has
      // seen the dead client's socket close (at once on a quiet machine; a moment later on a loaded one).
      let processed = 0;
      for (let attempt = 0; attempt < 50 && processed < 3; attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100));
        processed += (await relayOutbox(db, { 'test.crash': [effect('x')] }, { now: () => T0 })).processed;
      }
      expect(processed).toBe(3);
      expect(await effectsOf(ids)).toHaveLength(3);
    },
    60_000,
  );

  it.runIf(onPostgres)(
    'never hands a row to two relays running at once (4 processes’ worth of connections)',
    async () => {
      const ids = await add('test.concurrent', 2000);
      const handles = await Promise.all([1, 2, 3, 4].map(() => own.open()));
      try {
        const slow: OutboxHandlers = {
          'test.concurrent': [
            async (tx, m) => {
              if (m.id % 50 === 0) await tx.execute(sql`SELECT pg_sleep(0.01)`);
              await tx.execute(sql`INSERT INTO relay_effects (outbox_id, handler) VALUES (${m.id}, 'c')`);
            },
          ],
        };
        const results = await Promise.all(
          handles.map((h) => relayOutbox(h, slow, { batchSize: 50, now: () => T0 })),
        );
        const processed = results.reduce((n, r) => n + r.processed, 0);
        expect(processed).toBe(2000);
        expect(results.filter((r) => r.processed > 0).length, 'the work was shared').toBeGreaterThan(1);
        const effects = await effectsOf(ids);
        expect(effects).toHaveLength(2000);
        expect(new Set(effects.map((e) => e.outbox_id)).size).toBe(2000);
        expect(await pending(ids)).toBe(0);
      } finally {
        await Promise.all(handles.map((h) => h.close()));
      }
    },
    60_000,
  );

  it('runs on the job queue (pg-boss): a committed outbox row is relayed without anyone asking, and a scheduled job runs on the test clock', async () => {
    const seen: string[] = [];
    const jobs = await startJobs({
      db,
      log: pino({ level: 'silent' }),
      // Two modules' handlers of one topic, both run.
      outboxHandlers: combineOutboxHandlers(
        { 'test.queued': [effect('queued')] },
        { 'test.queued': [effect('also')] },
      ),
      scheduled: [
        {
          name: 'test-sweep',
          cron: '*/5 * * * *',
          work: async (now) => {
            seen.push(now.toISOString());
          },
        },
      ],
      now: () => T0,
    });
    try {
      const ids = await add('test.queued', 2);
      const deadline = Date.now() + 20_000;
      while ((await pending(ids)) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(await pending(ids)).toBe(0);
      expect((await effectsOf(ids)).map((e) => e.handler)).toEqual(['also', 'queued', 'also', 'queued']);
      await jobs.runNow('test-sweep');
      expect(seen).toEqual([T0.toISOString()]);
      const [schedule] = await db.query<{ cron: string }>(
        "SELECT cron FROM pgboss.schedule WHERE name = 'test-sweep'",
      );
      expect(schedule?.cron).toBe('*/5 * * * *');
    } finally {
      await jobs.stop();
    }
  }, 60_000);
});
