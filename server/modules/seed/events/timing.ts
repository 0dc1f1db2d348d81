// When generated actions happen: against the deadline of the step they end (core/events/time-limits.ts), on
// the working calendar (core/time) for normal and urgent events, in elapsed time for emergencies.
import { clockedStep } from '../../../../core/events/step-clock';
import { deadlineFor, type TimedStep, type TimeLimitTable } from '../../../../core/events/time-limits';
import type { EventAction, EventLevel, EventState } from '../../../../core/events/workflow';
import type { Random } from '../../../../core/random';
import {
  addWorkingMinutes,
  type WorkingCalendar,
  workingMinutesBetween,
} from '../../../../core/time/working-calendar';
import type { Draft } from './draft';

export interface Timing {
  calendar: WorkingCalendar;
  limits: TimeLimitTable;
  /** Nothing happens after this moment (epoch ms). */
  end: number;
  /** Share of clocked steps that end after their deadline. */
  lateShare: number;
}

export interface Clock {
  step: TimedStep;
  start: number;
  due: number;
  warn: number | null;
  minutes: number;
  elapsed: boolean;
  extensionUntil?: number;
  extended?: boolean;
  refused?: boolean;
}

/**
 * The step an event in this state and level waits on (null when no clock runs), as the events module clocks it:
 * in progress at the district centre is always with a lead department here (the history never has the centre
 * accept without dispatching).
 */
const timedStepOf = (state: EventState, level: EventLevel) => clockedStep(state, level, true);

/** The clock that starts when an action leaves the event in `state` at `level`. */
export function clockAfter(
  timing: Timing,
  draft: Pick<Draft, 'category' | 'urgency'>,
  state: EventState,
  level: EventLevel,
  at: number,
  _action?: EventAction,
): Clock | null {
  const step = timedStepOf(state, level);
  if (!step) return null;
  const d = deadlineFor(
    timing.limits,
    timing.calendar,
    { category: draft.category, urgency: draft.urgency, step },
    new Date(at),
  );
  return {
    step,
    start: at,
    due: d.dueAt.getTime(),
    warn: d.warnAt.getTime(),
    minutes: d.minutes,
    elapsed: d.clock === 'elapsed',
  };
}

const MINUTE = 60_000;
const after = (timing: Timing, clock: Clock | null, from: number, minutes: number) =>
  clock?.elapsed
    ? from + Math.round(minutes * MINUTE)
    : addWorkingMinutes(timing.calendar, new Date(from), minutes).getTime();

/** When the action ending the running step happens: mostly well within its limit, a share of them late. */
export function drawEnd(timing: Timing, t: number, clock: Clock | null, random: Random): number {
  const soonest = t + random.int(2, 25) * MINUTE;
  if (!clock) return soonest;
  const late = random.chance(clock.refused ? 0.5 : timing.lateShare);
  const u = random.next();
  let end: number;
  if (clock.extended && !late) {
    const left = clock.elapsed
      ? (clock.due - t) / MINUTE
      : workingMinutesBetween(timing.calendar, new Date(t), new Date(clock.due));
    end = after(timing, clock, t, Math.max(0, left) * (0.2 + 0.75 * u));
  } else {
    const share = late ? 1.05 + 1.2 * u : 0.04 + 0.86 * u * u;
    end = after(timing, clock, clock.start, clock.minutes * share);
  }
  return Math.max(end, soonest);
}

/** A same-state action (feedback, extension asked or decided): a share of the time left, or of a working day. */
export function drawWorking(timing: Timing, t: number, clock: Clock | null, share: number): number {
  if (clock?.elapsed) return t + Math.max(MINUTE, (clock.due - t) * share);
  const left = clock ? workingMinutesBetween(timing.calendar, new Date(t), new Date(clock.due)) : 450;
  return Math.max(t + MINUTE, after(timing, clock, t, Math.max(30, left) * share));
}

/** A deadline moved `days` working days later (an extension asked for). */
export const deadlineAt = (timing: Timing, due: number, days: number) =>
  addWorkingMinutes(timing.calendar, new Date(due), days * 450).getTime();
