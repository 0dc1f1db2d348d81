import { sql } from 'drizzle-orm';
import { DEFAULT_TIME_LIMITS, deadlineFor, type Urgency } from '../../../core/events/time-limits';
import { CHINA_CALENDAR } from '../../../core/time/china-calendar';
import type { WorkingCalendar } from '../../../core/time/working-calendar';
import { type Database, execRows, type Orm } from '../../db/client';
import { appendAudit } from '../audit';
import type { ScheduledJob } from '../jobs';
import { chasedStates, responsibleArea, responsibleDepartment, stepOf } from './responsible';

export const SYSTEM_ISSUER = '系统 / system';
export const SWEEP_JOB = 'deadline-sweep';

export interface SweepResult {
  warned: number;
  issued: number;
  lapsed: number;
}

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * Closes open orders whose event has moved on: its state, level or deadline is no longer the one the order
 * chases. One statement; the outbox row of each closed order is written by the same statement.
 */
function lapse(tx: Orm, now: Date) {
  return execRows<{ n: number }>(
    tx,
    sql`WITH closed AS (
          UPDATE supervision_orders o
             SET state = 'closed', close_reason = 'event_moved_on', closed_at = ${ts(now)},
                 updated_at = ${ts(now)}, version = o.version + 1
            FROM events e
           WHERE e.id = o.event_id AND o.state <> 'closed'
             AND (e.state <> o.event_state OR e.level <> o.event_level OR e.due_at IS DISTINCT FROM o.step_due_at)
          RETURNING o.*),
        sent AS (
          INSERT INTO outbox (topic, record_id, payload)
          SELECT 'supervision.closed', c.id, jsonb_build_object('eventId', c.event_id, 'orderId', c.id,
                   'closeReason', c.close_reason, 'responsibleLevel', c.responsible_level,
                   'departmentId', c.department_id, 'issuedBy', c.issued_by, 'version', c.version)
            FROM closed c RETURNING 1)
        SELECT count(*)::int AS n FROM sent`,
  );
}

/** One warning per step of an open event past its warning time and not yet due. */
function warn(tx: Orm, now: Date) {
  return execRows<{ n: number }>(
    tx,
    sql`WITH warned AS (
          INSERT INTO event_deadline_warnings (event_id, due_at, warned_at)
          SELECT e.id, e.due_at, ${ts(now)} FROM events e
           WHERE e.state IN (${chasedStates}) AND e.warn_at <= ${ts(now)} AND e.due_at > ${ts(now)}
          ON CONFLICT DO NOTHING
          RETURNING event_id, due_at),
        sent AS (
          INSERT INTO outbox (topic, record_id, payload)
          SELECT 'event.deadline_warning', e.id, jsonb_build_object('eventId', e.id, 'dueAt', w.due_at,
                   'step', ${stepOf}, 'level', e.level, 'departmentId', ${responsibleDepartment})
            FROM warned w JOIN events e ON e.id = w.event_id RETURNING 1)
        SELECT count(*)::int AS n FROM sent`,
  );
}

const overdueWithoutOrder = (now: Date) => sql`e.state IN (${chasedStates}) AND e.due_at < ${ts(now)}
  AND NOT EXISTS (SELECT 1 FROM supervision_orders o WHERE o.event_id = e.id
                   AND (o.state <> 'closed' OR (o.issued_by IS NULL AND o.step_due_at = e.due_at)))`;

/**
 * One order (the system as issuer) per overdue step with no order open. The answer's deadline depends only
 * on category and urgency (every order starts now), so it is computed once per pair in use, not per event.
 */
async function issue(tx: Orm, now: Date, calendar: WorkingCalendar) {
  const pairs = await execRows<{ category: string; urgency: Urgency }>(
    tx,
    sql`SELECT DISTINCT e.category_code AS category, e.urgency FROM events e WHERE ${overdueWithoutOrder(now)}`,
  );
  if (pairs.length === 0) return [{ n: 0 }];
  const dues = sql.join(
    pairs.map((p) => {
      const { dueAt } = deadlineFor(
        DEFAULT_TIME_LIMITS,
        calendar,
        { category: p.category, urgency: p.urgency, step: 'supervision_answer' },
        now,
      );
      return sql`(${p.category}, ${p.urgency}, ${ts(dueAt)})`;
    }),
    sql`, `,
  );
  return execRows<{ n: number }>(
    tx,
    sql`WITH due (category, urgency, due_at) AS (VALUES ${dues}),
        issued AS (
          INSERT INTO supervision_orders (event_id, step, event_state, event_level, step_due_at,
            responsible_level, responsible_area_id, department_id, district_id, street_id, issued_by, issuer,
            reason, due_at, state, created_at, updated_at)
          SELECT e.id, ${stepOf}, e.state, e.level, e.due_at, e.level, ${responsibleArea},
                 ${responsibleDepartment}, e.district_id, e.street_id, NULL, ${SYSTEM_ISSUER},
                 '超时未办 / overdue since ' || to_char(e.due_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'),
                 d.due_at, 'issued', ${ts(now)}, ${ts(now)}
            FROM events e JOIN due d ON d.category = e.category_code AND d.urgency = e.urgency
           WHERE ${overdueWithoutOrder(now)}
          ON CONFLICT DO NOTHING
          RETURNING *),
        sent AS (
          INSERT INTO outbox (topic, record_id, payload)
          SELECT 'supervision.issued', i.id, jsonb_build_object('eventId', i.event_id, 'orderId', i.id,
                   'step', i.step, 'responsibleLevel', i.responsible_level, 'departmentId', i.department_id,
                   'issuedBy', NULL, 'dueAt', i.due_at, 'version', i.version)
            FROM issued i RETURNING 1)
        SELECT count(*)::int AS n FROM sent`,
  );
}

/**
 * The deadline sweep: closes orders whose event moved on, warns steps nearly due, and issues an order on
 * each overdue step — a few set-based statements in one transaction. Running it again at the same clock
 * writes nothing (warnings and system orders are unique per step); two sweeps at once write each row once
 * (the unique keys; the second waits for the first's commit and skips what it wrote).
 */
export async function sweepDeadlines(
  db: Database,
  now: Date,
  calendar: WorkingCalendar = CHINA_CALENDAR,
): Promise<SweepResult> {
  return db.orm.transaction(async (tx) => {
    const [lapsed] = await lapse(tx, now);
    const [warned] = await warn(tx, now);
    const [issued] = await issue(tx, now, calendar);
    const result = { warned: warned?.n ?? 0, issued: issued?.n ?? 0, lapsed: lapsed?.n ?? 0 };
    if (result.warned + result.issued + result.lapsed > 0) {
      await appendAudit(tx, {
        actorId: null,
        actor: 'system',
        action: 'supervision.sweep',
        objectType: 'supervision_order',
        details: { at: now.toISOString(), ...result },
      });
    }
    return result;
  });
}

/** The sweep as a scheduled job: every minute, on whichever process takes the slot. */
export const sweepJob = (db: Database, calendar?: WorkingCalendar): ScheduledJob => ({
  name: SWEEP_JOB,
  cron: '* * * * *',
  work: async (now) => {
    await sweepDeadlines(db, now, calendar);
  },
});
