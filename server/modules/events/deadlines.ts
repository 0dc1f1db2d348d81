import { sql } from 'drizzle-orm';
import {
  DEFAULT_TIME_LIMITS,
  deadlineFor,
  handleStepAt,
  type TimedStep,
} from '../../../core/events/time-limits';
import type { EventAction, EventLevel, EventState } from '../../../core/events/workflow';
import { CHINA_CALENDAR } from '../../../core/time/china-calendar';
import { execRows, type Orm } from '../../db/client';
import type { EventRow } from './presenter';

/**
 * The clock of the step an event is in: waiting at a level to be taken on (accept), handled at a level, waiting
 * at the district centre to be dispatched, with the lead department, then verify, close and rate. Shelved and
 * ended events have no clock. Until the district centre edits its own table (versioned, later), the defaults of
 * core/events/time-limits.ts and the national working calendar apply.
 */
export function clockedStep(state: EventState, level: EventLevel, dispatched: boolean): TimedStep | null {
  switch (state) {
    case 'reported':
      return 'accept';
    case 'in_progress':
      if (level !== 'district') return handleStepAt(level);
      return dispatched ? 'department_handle' : 'dispatch';
    case 'handled':
      return 'verify';
    case 'verified':
      return 'close';
    case 'closed':
      return 'rate';
    default:
      return null;
  }
}

/** A new clock starts when the state or the level changes, or on a (re-)dispatch; other steps keep the deadline. */
export const startsNewClock = (
  action: EventAction | 'report',
  before: EventRow | null,
  state: EventState,
  level: EventLevel,
) => !before || before.state !== state || before.level !== level || action === 'dispatch';

async function hasLiveLead(tx: Orm, eventId: number) {
  const [row] = await execRows<{ live: boolean }>(
    tx,
    sql`SELECT EXISTS (SELECT 1 FROM event_assignments WHERE event_id = ${eventId} AND role = 'lead'
         AND state = 'working') AS live`,
  );
  return row?.live === true;
}

/** The deadline columns of the step the event enters now (null when it has no clock). */
export async function nextDeadline(
  tx: Orm,
  event: Pick<EventRow, 'id' | 'categoryCode' | 'urgency'>,
  state: EventState,
  level: EventLevel,
  start = new Date(),
) {
  const dispatched = state === 'in_progress' && level === 'district' && (await hasLiveLead(tx, event.id));
  const step = clockedStep(state, level, dispatched);
  if (!step) return { dueAt: null, warnAt: null };
  const { dueAt, warnAt } = deadlineFor(
    DEFAULT_TIME_LIMITS,
    CHINA_CALENDAR,
    { category: event.categoryCode, urgency: event.urgency, step },
    start,
  );
  return { dueAt, warnAt };
}
