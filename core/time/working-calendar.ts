// Working time in China Standard Time (UTC+8 all year, no daylight saving), by plain arithmetic on epoch
// milliseconds: a moment's CST calendar day is floor((ms + 8 h) / 1 day).

export interface WorkingPeriod {
  /** 'HH:MM' in China Standard Time. */
  start: string;
  end: string;
}

export interface WorkingCalendar {
  /** The day's working periods, in order, not overlapping. */
  workingHours: readonly WorkingPeriod[];
  /** Public holidays 'YYYY-MM-DD' (weekdays off). */
  holidays: readonly string[];
  /** Make-up workdays 调休 'YYYY-MM-DD' (weekend days worked). */
  workdays: readonly string[];
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const CST_OFFSET = 8 * 60 * MINUTE;
/** 1970-01-01 was a Thursday; day 0 of the week is Sunday. */
const EPOCH_WEEKDAY = 4;

export const STANDARD_WORKING_HOURS: readonly WorkingPeriod[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '18:00' },
];

interface Compiled {
  /** Working periods as [start, end) milliseconds after CST midnight. */
  periods: [number, number][];
  holidays: Set<string>;
  workdays: Set<string>;
  /** Working or not, per CST day number, filled as days are asked about. */
  known: Map<number, boolean>;
}

// Compiled once per calendar object: a calendar is a value, never changed after first use (make a new one).
const compiled = new WeakMap<WorkingCalendar, Compiled>();

function minutesOfDay(hhmm: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || Number(match[2]) > 59 || minutes > 24 * 60) {
    throw new RangeError(`working hours: '${hhmm}' is not a time of day HH:MM`);
  }
  return minutes;
}

function compile(calendar: WorkingCalendar): Compiled {
  const cached = compiled.get(calendar);
  if (cached) return cached;
  const periods = calendar.workingHours.map(({ start, end }): [number, number] => {
    const [from, to] = [minutesOfDay(start), minutesOfDay(end)];
    if (from >= to) throw new RangeError(`working hours: ${start}–${end} ends before it starts`);
    return [from * MINUTE, to * MINUTE];
  });
  if (periods.length === 0)
    throw new RangeError('working hours: a calendar needs at least one working period');
  periods.forEach(([from], i) => {
    if (i > 0 && from < periods[i - 1]![1])
      throw new RangeError('working hours: periods overlap or are out of order');
  });
  const result = {
    periods,
    holidays: new Set(calendar.holidays),
    workdays: new Set(calendar.workdays),
    known: new Map<number, boolean>(),
  };
  compiled.set(calendar, result);
  return result;
}

/** The CST day number (days since 1970-01-01 CST) of a moment. */
const dayOf = (ms: number) => Math.floor((ms + CST_OFFSET) / DAY);
/** The epoch milliseconds of a CST day's midnight. */
const midnightOf = (day: number) => day * DAY - CST_OFFSET;
const isoOfDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

function dayOfIso(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(ms))
    throw new RangeError(`'${iso}' is not a date YYYY-MM-DD`);
  return ms / DAY;
}

/** The calendar date 'YYYY-MM-DD' of a moment in China Standard Time. */
export function cstDate(moment: Date): string {
  return isoOfDay(dayOf(moment.getTime()));
}

function workingDay(c: Compiled, day: number): boolean {
  const known = c.known.get(day);
  if (known !== undefined) return known;
  const iso = isoOfDay(day);
  const weekday = (((day + EPOCH_WEEKDAY) % 7) + 7) % 7;
  const working = c.workdays.has(iso) || (!c.holidays.has(iso) && weekday !== 0 && weekday !== 6);
  c.known.set(day, working);
  return working;
}

/** Whether a date ('YYYY-MM-DD', or the CST date of a moment) is a working day. */
export function isWorkingDay(calendar: WorkingCalendar, date: string | Date): boolean {
  return workingDay(compile(calendar), typeof date === 'string' ? dayOfIso(date) : dayOf(date.getTime()));
}

/** Whether a moment falls inside a working period (start included, end excluded). */
export function isWorkingMoment(calendar: WorkingCalendar, moment: Date): boolean {
  const c = compile(calendar);
  const ms = moment.getTime();
  const day = dayOf(ms);
  const offset = ms - midnightOf(day);
  return workingDay(c, day) && c.periods.some(([from, to]) => offset >= from && offset < to);
}

function checkedTime(moment: Date, name: string): number {
  const ms = moment.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${name} is not a valid date`);
  return ms;
}

/**
 * The moment `minutes` working minutes after `start`. A start outside working time counts from the next
 * working moment (so 0 minutes gives that moment); time used up exactly at a period's end lands on that end.
 */
export function addWorkingMinutes(calendar: WorkingCalendar, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`working minutes must be ≥ 0, not ${minutes}`);
  const c = compile(calendar);
  let cursor = checkedTime(start, 'start');
  let remaining = minutes * MINUTE;
  for (let day = dayOf(cursor); ; day++) {
    if (!workingDay(c, day)) continue;
    const midnight = midnightOf(day);
    for (const [from, to] of c.periods) {
      const [periodStart, periodEnd] = [midnight + from, midnight + to];
      if (cursor >= periodEnd) continue;
      cursor = Math.max(cursor, periodStart);
      const available = periodEnd - cursor;
      if (remaining <= available) return new Date(cursor + remaining);
      remaining -= available;
      cursor = periodEnd;
    }
  }
}

/** Working minutes from `a` to `b`; negative when `b` is before `a`. */
export function workingMinutesBetween(calendar: WorkingCalendar, a: Date, b: Date): number {
  const [from, to] = [checkedTime(a, 'from'), checkedTime(b, 'to')];
  if (to < from) return -workingMinutesBetween(calendar, b, a);
  const c = compile(calendar);
  let total = 0;
  for (let day = dayOf(from); day <= dayOf(to); day++) {
    if (!workingDay(c, day)) continue;
    const midnight = midnightOf(day);
    for (const [start, end] of c.periods) {
      total += Math.max(0, Math.min(to, midnight + end) - Math.max(from, midnight + start));
    }
  }
  return total / MINUTE;
}

/** Every date from `first` to `last`, both included. */
export function dateRange(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let day = dayOfIso(first); day <= dayOfIso(last); day++) dates.push(isoOfDay(day));
  return dates;
}
