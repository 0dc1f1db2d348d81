import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_TIME_LIMITS,
  deadlineFor,
  type TimedStep,
  type Urgency,
} from '../../core/events/time-limits';
import { CHINA_CALENDAR } from '../../core/time/china-calendar';
import type { Database } from '../../server/db/client';
import { eventFigures } from '../support/event-figures';
import { historyFaults } from '../support/event-history-check';
import { openTestDatabase } from '../support/test-app';

/**
 * The demo's event history on the seeded small district, counted with SQL written from docs/evaluation.md (not
 * with the generator's code): the small scale's figures exactly, the source document's ratios to the precision it
 * states them, and every event's history a legal path through the loop taken by the accounts whose step it was.
 */
describe('demo event history (small district)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => db?.close());

  it('adds up to the small scale figures, and to the source document ratios', async () => {
    const f = await eventFigures(db);
    expect(f).toMatchObject({
      registered: 1_432,
      resolvedLocally: 1_409,
      closed: 1_414,
      unlicensedRegistered: 48,
      unlicensedClosed: 43,
      servicesReceived: 172,
      servicesCompleted: 169,
      afterSchoolCareInHalfYear: 4,
      lowestClosingCategory: '16',
    });
    expect(f.localResolutionRate.toFixed(1)).toBe('98.4');
    expect(f.needsMetRate.toFixed(1)).toBe('98.3');
    expect(f.unlicensedClosureRate.toFixed(1)).toBe('89.6');
    expect((f.closureRate - f.unlicensedClosureRate).toFixed(2)).toBe('9.16');
  });

  it('holds every special case docs/evaluation.md names, each computable', async () => {
    const f = await eventFigures(db);
    for (const name of [
      'voided',
      'merged',
      'shelved',
      'pendingAcceptance',
      'escalated',
      'sentBack',
      'refusedAssignments',
      'reworked',
      'extensionsApproved',
      'extensionsRefused',
      'emergencies',
      'rated',
      'closedByFinder',
      'servicesRefused',
    ] as const) {
      expect(f[name], name).toBeGreaterThan(0);
    }
    expect(f).toMatchObject({ voided: 22, merged: 12, shelved: 9, pendingAcceptance: 3, servicesRefused: 1 });
    for (const rate of [
      'onTimeClosureRate',
      'onTimeHandlingRate',
      'reworkRate',
      'satisfactionScore',
    ] as const) {
      expect(f[rate], rate).toBeGreaterThan(0);
      expect(f[rate], rate).toBeLessThan(100);
    }
    expect(f.refusalRate).toBeGreaterThan(0);
  });

  it('gives every event a legal history through the loop, by the accounts whose step it was', async () => {
    const faults = await historyFaults(db);
    expect(faults.slice(0, 20)).toEqual([]);
  });

  it('stores on each step the deadline the time limits give on the working calendar', async () => {
    const rows = await db.query<{
      category_code: string;
      urgency: Urgency;
      to_state: string;
      level: string;
      at: Date | string;
      due_at: Date | string | null;
    }>(
      `SELECT e.category_code, e.urgency, s.to_state, s.level, s.at, s.due_at
         FROM event_steps s JOIN events e ON e.id = s.event_id
        WHERE s.action IN ('report', 'accept', 'escalate', 'send_back', 'refuse', 'dispatch', 'handle', 'complete',
                           'verify', 'close', 'rework', 'restore')
        ORDER BY s.id`,
    );
    const calendar = CHINA_CALENDAR;
    const wrong = rows.filter((r) => {
      const step = waitingOn(r.to_state, r.level);
      const due = step
        ? deadlineFor(
            DEFAULT_TIME_LIMITS,
            calendar,
            { category: r.category_code, urgency: r.urgency, step },
            new Date(r.at),
          ).dueAt.getTime()
        : null;
      return (r.due_at === null ? null : new Date(r.due_at).getTime()) !== due;
    });
    expect(rows.length).toBeGreaterThan(5_000);
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('continues the numbers and ids after the loaded rows, so that new reports work', async () => {
    const [row] = await db.query<Record<string, boolean>>(
      `SELECT (SELECT last_value FROM events_number_seq) >= (SELECT count(*) FROM events) AS numbers,
              (SELECT last_value FROM events_id_seq) >= (SELECT max(id) FROM events) AS events,
              (SELECT last_value FROM event_steps_id_seq) >= (SELECT max(id) FROM event_steps) AS steps,
              (SELECT last_value FROM event_assignments_id_seq) >= (SELECT max(id) FROM event_assignments) AS assignments`,
    );
    expect(row).toEqual({ numbers: true, events: true, steps: true, assignments: true });
  });
});

/** The clocked step an event waits on in a state at a level (in progress at the district: with its lead department). */
function waitingOn(state: string, level: string): TimedStep | null {
  if (state === 'reported') return 'accept';
  if (state === 'in_progress')
    return level === 'district' ? 'department_handle' : (`handle_${level}` as TimedStep);
  return ({ handled: 'verify', verified: 'close', closed: 'rate' } as const)[state as 'handled'] ?? null;
}
