import { sql } from 'drizzle-orm';
import { clockedStep } from '../../../core/events/step-clock';
import { DEFAULT_TIME_LIMITS, deadlineFor } from '../../../core/events/time-limits';
import type { EventAction, EventLevel, EventState } from '../../../core/events/workflow';
import { CHINA_CALENDAR } from '../../../core/time/china-calendar';
import { execRows, type Orm } from '../../db/client';
import type { EventRow } from './presenter';

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

/**
 * The deadline columns of the step the event enters now (null when it has no clock). Until the district centre edits
 * its own table (versioned, later), the defaults of core/events/time-limits.ts and the national calendar apply.
 */
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
