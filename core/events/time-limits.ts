// Time limits of an event's steps, per category × urgency × step. Normal and urgent limits are in working
// minutes (China Standard Time working calendar); emergency limits are in elapsed minutes, day and night.
// The district centre edits the table and the server keeps its versions; this module is the evaluator and
// the defaults.
import { addWorkingMinutes, type WorkingCalendar } from '../time/working-calendar';
import { findCategory } from './catalogue';

export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];

/**
 * The clocked steps. Each clock starts when the event enters the step and stops at the action named:
 * - accept: reported at a level → accepted, voided, escalated or dispatched (受理)
 * - handle_grid / handle_community / handle_street: accepted at that level → handled on the spot (处置)
 * - dispatch: at the district centre → dispatched to departments (派遣)
 * - department_handle: dispatched → the lead department reports it done (部门处置)
 * - verify: handled → verified on site or sent for rework (核查)
 * - close: verified → closed (结案)
 * - rate: closed → the reporter's rating recorded (回访评价)
 * - extension_decision: extension asked → approved or refused (延期审批)
 * - supervision_answer: supervision order 督办 issued → answered by the one supervised (督办答复)
 */
export const TIMED_STEPS = [
  'accept',
  'handle_grid',
  'handle_community',
  'handle_street',
  'dispatch',
  'department_handle',
  'verify',
  'close',
  'rate',
  'extension_decision',
  'supervision_answer',
] as const;
export type TimedStep = (typeof TIMED_STEPS)[number];

export type StepMinutes = Record<TimedStep, number>;

export interface TimeLimitTable {
  /** Share of the limit after which the step is flagged as nearly due (预警), 0 < share < 1. */
  warnShare: number;
  /** Working minutes per step. */
  normal: StepMinutes;
  urgent: StepMinutes;
  /** Elapsed minutes per step. */
  emergency: StepMinutes;
  /** Per category code; a sub-category without its own entry takes its parent's. */
  overrides: Readonly<Record<string, Partial<Record<Urgency, Partial<StepMinutes>>>>>;
}

const HOUR = 60;
/** One working day of the standard hours (09:00–12:00, 13:30–18:00). */
export const WORKING_DAY_MINUTES = 450;
const DAYS = (n: number) => n * WORKING_DAY_MINUTES;

export const DEFAULT_TIME_LIMITS: TimeLimitTable = {
  warnShare: 0.8,
  normal: {
    accept: 2 * HOUR,
    handle_grid: DAYS(1),
    handle_community: DAYS(2),
    handle_street: DAYS(3),
    dispatch: 2 * HOUR,
    department_handle: DAYS(5),
    verify: DAYS(1),
    close: 2 * HOUR,
    rate: DAYS(3),
    extension_decision: DAYS(1),
    supervision_answer: DAYS(1),
  },
  urgent: {
    accept: 30,
    handle_grid: 2 * HOUR,
    handle_community: 4 * HOUR,
    handle_street: DAYS(1),
    dispatch: 30,
    department_handle: DAYS(2),
    verify: 2 * HOUR,
    close: 1 * HOUR,
    rate: DAYS(1),
    extension_decision: 2 * HOUR,
    supervision_answer: 2 * HOUR,
  },
  emergency: {
    accept: 10,
    handle_grid: 30,
    handle_community: 30,
    handle_street: 1 * HOUR,
    dispatch: 15,
    department_handle: 4 * HOUR,
    verify: 1 * HOUR,
    close: 1 * HOUR,
    rate: 72 * HOUR,
    extension_decision: 30,
    supervision_answer: 30,
  },
  overrides: {
    // Enforcement cases: notice, hearing and deadline to comply come before the case can be closed.
    '07': { normal: { department_handle: DAYS(10), handle_street: DAYS(5) } },
    '16': { normal: { department_handle: DAYS(10), handle_street: DAYS(5) } },
    '17': { normal: { department_handle: DAYS(10) } },
    // Wage arrears go through labour inspection and, failing that, arbitration.
    '03': { normal: { department_handle: DAYS(10) } },
    // Petitions: the petition regulations allow 60 days to handle.
    '24': { normal: { department_handle: DAYS(40), handle_street: DAYS(15) } },
    // The residence permit is issued within 15 days of the application.
    '51': { normal: { department_handle: DAYS(10) } },
    // Simple on-the-spot kinds: the grid is expected to finish the same day.
    '14': { normal: { handle_grid: 4 * HOUR } },
    '15': { normal: { handle_grid: 4 * HOUR } },
  },
};

export interface StepClock {
  category: string;
  urgency: Urgency;
  step: TimedStep;
}

/** The limit of a step in minutes, and whether it counts working or elapsed time. */
export function limitFor(limits: TimeLimitTable, { category, urgency, step }: StepClock) {
  const parent = findCategory(category)?.parent;
  const minutes =
    limits.overrides[category]?.[urgency]?.[step] ??
    (parent ? limits.overrides[parent]?.[urgency]?.[step] : undefined) ??
    limits[urgency][step];
  return { minutes, clock: urgency === 'emergency' ? ('elapsed' as const) : ('working' as const) };
}

export interface Deadline {
  dueAt: Date;
  warnAt: Date;
  minutes: number;
  clock: 'working' | 'elapsed';
}

/** When a step that started at `start` is due, and when it is flagged as nearly due. */
export function deadlineFor(
  limits: TimeLimitTable,
  calendar: WorkingCalendar,
  clock: StepClock,
  start: Date,
): Deadline {
  const { minutes, clock: kind } = limitFor(limits, clock);
  const warnMinutes = Math.floor(minutes * limits.warnShare);
  const after = (m: number) =>
    kind === 'elapsed' ? new Date(start.getTime() + m * 60_000) : addWorkingMinutes(calendar, start, m);
  return { dueAt: after(minutes), warnAt: after(warnMinutes), minutes, clock: kind };
}

export type DeadlineStatus = 'on_time' | 'warning' | 'overdue';

/** Where a running step stands at `now`: due exactly at `dueAt` is still on time. */
export function deadlineStatus(deadline: Pick<Deadline, 'dueAt' | 'warnAt'>, now: Date): DeadlineStatus {
  if (now.getTime() > deadline.dueAt.getTime()) return 'overdue';
  return now.getTime() >= deadline.warnAt.getTime() ? 'warning' : 'on_time';
}

/** The handling step of a level of the ladder (the district centre does not handle; it dispatches). */
export function handleStepAt(level: 'grid' | 'community' | 'street'): TimedStep {
  return `handle_${level}`;
}

/** The longest limit accepted: a year of working days. */
const MAX_MINUTES = DAYS(250);

export interface TimeLimitProblem {
  /** Where in the table, e.g. `overrides.16.normal.department_handle`. */
  path: string;
  problem:
    | 'bad_warn_share'
    | 'bad_minutes'
    | 'missing_step'
    | 'unknown_step'
    | 'unknown_category'
    | 'urgent_longer';
}

/** What is wrong with an edited table (empty when it may be saved). */
export function timeLimitProblems(table: TimeLimitTable): TimeLimitProblem[] {
  const problems: TimeLimitProblem[] = [];
  const badMinutes = (m: unknown) =>
    !Number.isInteger(m) || (m as number) <= 0 || (m as number) > MAX_MINUTES;
  const steps: readonly string[] = TIMED_STEPS;
  if (!(table.warnShare > 0 && table.warnShare < 1))
    problems.push({ path: 'warnShare', problem: 'bad_warn_share' });
  const checkSteps = (path: string, minutes: Partial<StepMinutes>, complete: boolean) => {
    for (const [step, m] of Object.entries(minutes)) {
      if (!steps.includes(step)) problems.push({ path: `${path}.${step}`, problem: 'unknown_step' });
      else if (badMinutes(m)) problems.push({ path: `${path}.${step}`, problem: 'bad_minutes' });
    }
    if (complete) {
      for (const step of TIMED_STEPS) {
        if (!(step in minutes)) problems.push({ path: `${path}.${step}`, problem: 'missing_step' });
      }
    }
  };
  for (const urgency of URGENCIES) checkSteps(urgency, table[urgency] ?? {}, true);
  for (const [code, byUrgency] of Object.entries(table.overrides)) {
    if (!findCategory(code)) problems.push({ path: `overrides.${code}`, problem: 'unknown_category' });
    for (const urgency of URGENCIES) {
      const minutes = byUrgency[urgency];
      if (minutes) checkSteps(`overrides.${code}.${urgency}`, minutes, false);
    }
  }
  for (const step of TIMED_STEPS) {
    for (const code of [null, ...Object.keys(table.overrides)]) {
      const clock = { category: code ?? '', step };
      const urgent = limitFor(table, { ...clock, urgency: 'urgent' }).minutes;
      const normal = limitFor(table, { ...clock, urgency: 'normal' }).minutes;
      if (urgent > normal)
        problems.push({
          path: `${code ? `overrides.${code}.` : ''}urgent.${step}`,
          problem: 'urgent_longer',
        });
    }
  }
  return problems;
}
