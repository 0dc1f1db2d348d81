import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TIME_LIMITS, deadlineFor } from '../../core/events/time-limits';
import { CHINA_CALENDAR } from '../../core/time/china-calendar';
import { sweepDeadlines } from '../../server/modules/supervision';
import { type EventsWorld, eventsWorld } from './events-fixture';

/** China Standard Time → the instant. */
const cst = (local: string) => new Date(`${local}+08:00`);

/**
 * The deadline sweep with its own clock over the national holiday calendar: a step started on the Friday
 * before Qingming (4–6 April 2026) is not due over the holiday, is warned at 80 % of its working time and
 * then gets exactly one supervision order; a second sweep at the same clock writes nothing.
 */
describe('deadline sweep', () => {
  let w: EventsWorld;
  const rows = async (eventId: number) =>
    (
      await w.db.query<{ warnings: number; orders: number; warned: number; issued: number }>(
        `SELECT (SELECT count(*)::int FROM event_deadline_warnings WHERE event_id = $1) AS warnings,
                (SELECT count(*)::int FROM supervision_orders WHERE event_id = $1) AS orders,
                (SELECT count(*)::int FROM outbox WHERE topic = 'event.deadline_warning' AND record_id = $1) AS warned,
                (SELECT count(*)::int FROM outbox WHERE topic = 'supervision.issued'
                   AND (payload->>'eventId')::int = $1) AS issued`,
        [eventId],
      )
    )[0]!;

  /** A fresh event of the grid whose current step started at `start` (as if reported then). */
  async function eventStartedAt(start: Date, title: string) {
    const res = await w.report(w.accounts.grid, { title });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.id as number;
    const [event] = await w.db.query<{ category_code: string; state: string; level: string }>(
      'SELECT category_code, state, level FROM events WHERE id = $1',
      [id],
    );
    expect(event).toMatchObject({ state: 'reported', level: 'grid' });
    const d = deadlineFor(
      DEFAULT_TIME_LIMITS,
      CHINA_CALENDAR,
      { category: event!.category_code, urgency: 'normal', step: 'accept' },
      start,
    );
    await w.db.query('UPDATE events SET due_at = $2, warn_at = $3 WHERE id = $1', [
      id,
      d.dueAt.toISOString(),
      d.warnAt.toISOString(),
    ]);
    return { id, ...d };
  }

  beforeAll(async () => {
    w = await eventsWorld();
    // The demo history's open steps are swept once first, so each test below sees only its own event's rows.
    await sweepDeadlines(w.db, cst('2026-04-03T09:00:00'));
  }, 180_000);
  afterAll(async () => w?.close());

  it('waits over the holiday, warns at 80 % of the working time, then issues one order', async () => {
    // Friday 3 April 2026, 17:00: one working hour left that day, then Qingming (Sat–Mon) off.
    const e = await eventStartedAt(cst('2026-04-03T17:00:00'), '督办：清明节前上报');
    // accept: 120 working minutes → 60 on Friday, 60 on Tuesday: due Tuesday 10:00, warned at 96 min: 09:36.
    expect(e.dueAt).toEqual(cst('2026-04-07T10:00:00'));
    expect(e.warnAt).toEqual(cst('2026-04-07T09:36:00'));

    for (const during of ['2026-04-04T12:00:00', '2026-04-06T17:59:00', '2026-04-07T09:35:00']) {
      await sweepDeadlines(w.db, cst(during));
      expect(await rows(e.id), during).toEqual({ warnings: 0, orders: 0, warned: 0, issued: 0 });
    }

    await sweepDeadlines(w.db, cst('2026-04-07T09:36:00'));
    expect(await rows(e.id)).toEqual({ warnings: 1, orders: 0, warned: 1, issued: 0 });
    expect(await sweepDeadlines(w.db, cst('2026-04-07T09:36:00'))).toEqual({
      warned: 0,
      issued: 0,
      lapsed: 0,
    });

    await sweepDeadlines(w.db, cst('2026-04-07T10:00:00'));
    expect(await rows(e.id), 'due exactly now is still on time').toMatchObject({ orders: 0 });

    await sweepDeadlines(w.db, cst('2026-04-07T10:01:00'));
    expect(await rows(e.id)).toEqual({ warnings: 1, orders: 1, warned: 1, issued: 1 });
    expect(await sweepDeadlines(w.db, cst('2026-04-07T10:01:00'))).toEqual({
      warned: 0,
      issued: 0,
      lapsed: 0,
    });
    await sweepDeadlines(w.db, cst('2026-04-08T10:01:00'));
    expect(await rows(e.id), 'one order per step, however long it stays overdue').toMatchObject({
      orders: 1,
    });

    const [order] = await w.db.query<Record<string, unknown>>(
      `SELECT o.step, o.responsible_level, o.responsible_area_id, o.department_id, o.issued_by, o.state,
              o.due_at, o.step_due_at FROM supervision_orders o WHERE o.event_id = $1`,
      [e.id],
    );
    expect(order).toMatchObject({
      step: 'accept',
      responsible_level: 'grid',
      responsible_area_id: w.grid.grid_id,
      department_id: null,
      issued_by: null,
      state: 'issued',
    });
    // The answer is due a working day later: Wednesday 10:01.
    expect(new Date(order!.due_at as string)).toEqual(cst('2026-04-08T10:01:00'));
  });

  it('closes the order by itself when the event moves on', async () => {
    const e = await eventStartedAt(cst('2026-04-03T09:00:00'), '督办：事件推进后自动办结');
    await sweepDeadlines(w.db, cst('2026-04-07T09:00:00'));
    expect(await rows(e.id)).toMatchObject({ orders: 1 });
    expect((await w.act(w.accounts.grid, e.id, 'accept')).status).toBe(200);
    const result = await sweepDeadlines(w.db, cst('2026-04-07T09:01:00'));
    expect(result.lapsed).toBeGreaterThanOrEqual(1);
    const [order] = await w.db.query<{ state: string; close_reason: string }>(
      'SELECT state, close_reason FROM supervision_orders WHERE event_id = $1',
      [e.id],
    );
    expect(order).toEqual({ state: 'closed', close_reason: 'event_moved_on' });
    const [closed] = await w.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox WHERE topic = 'supervision.closed' AND (payload->>'eventId')::int = $1`,
      [e.id],
    );
    expect(closed!.n).toBe(1);
  });

  it('writes each order once when two sweeps run at once', async () => {
    const events = await Promise.all(
      [1, 2, 3].map((i) => eventStartedAt(cst('2026-04-03T09:00:00'), `督办：并发清扫 ${i}`)),
    );
    const now = cst('2026-04-09T09:00:00');
    const [a, b] = await Promise.all([sweepDeadlines(w.db, now), sweepDeadlines(w.db, now)]);
    for (const e of events) expect(await rows(e.id)).toMatchObject({ orders: 1, issued: 1 });
    expect(a.issued + b.issued).toBeGreaterThanOrEqual(events.length);
    const [dupes] = await w.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT event_id FROM supervision_orders WHERE state <> 'closed'
          GROUP BY event_id HAVING count(*) > 1) d`,
    );
    expect(dupes!.n).toBe(0);
  });
});
