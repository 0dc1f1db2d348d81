import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHINA_2026_CALENDAR, CHINA_CALENDAR } from './china-calendar';
import {
  addWorkingMinutes,
  cstDate,
  isWorkingDay,
  isWorkingMoment,
  STANDARD_WORKING_HOURS,
  type WorkingCalendar,
  workingMinutesBetween,
} from './working-calendar';

/** A moment given in China Standard Time. */
const cst = (local: string) => new Date(`${local}+08:00`);
const cal = CHINA_2026_CALENDAR;
const PLAIN: WorkingCalendar = { workingHours: STANDARD_WORKING_HOURS, holidays: [], workdays: [] };

const moments = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => new Date(Math.floor(d.getTime() / 60_000) * 60_000));
const durations = fc.integer({ min: 0, max: 20 * 7.5 * 60 });

describe('working days', () => {
  it('takes the day in China Standard Time, not UTC', () => {
    expect(cstDate(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(isWorkingDay(cal, new Date('2026-03-01T16:30:00Z'))).toBe(true); // Monday 00:30 CST
    expect(isWorkingDay(cal, '2026-03-01')).toBe(false); // Sunday
  });

  it('skips public holidays and counts make-up Saturdays', () => {
    expect(isWorkingDay(cal, '2026-10-05')).toBe(false); // Monday, National Day holiday
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true); // Saturday, make-up workday
    expect(isWorkingDay(PLAIN, '2026-10-10')).toBe(false);
  });

  it('refuses a malformed date or calendar with a message', () => {
    expect(() => isWorkingDay(cal, '2026-13-01')).toThrow(/YYYY-MM-DD/);
    const bad: WorkingCalendar = {
      workingHours: [{ start: '13:00', end: '12:00' }],
      holidays: [],
      workdays: [],
    };
    expect(() => isWorkingDay(bad, '2026-03-02')).toThrow(/ends before it starts/);
    const overlap: WorkingCalendar = {
      workingHours: [
        { start: '09:00', end: '12:00' },
        { start: '11:00', end: '18:00' },
      ],
      holidays: [],
      workdays: [],
    };
    expect(() => addWorkingMinutes(overlap, cst('2026-03-02T09:00:00'), 1)).toThrow(/overlap/);
    expect(() => addWorkingMinutes(cal, cst('2026-03-02T09:00:00'), -1)).toThrow(/≥ 0/);
  });
});

describe('addWorkingMinutes', () => {
  it('counts within a period, across lunch and across the night', () => {
    expect(addWorkingMinutes(cal, cst('2026-03-02T09:00:00'), 60)).toEqual(cst('2026-03-02T10:00:00'));
    expect(addWorkingMinutes(cal, cst('2026-03-02T11:30:00'), 60)).toEqual(cst('2026-03-02T14:00:00'));
    expect(addWorkingMinutes(cal, cst('2026-03-02T17:30:00'), 60)).toEqual(cst('2026-03-03T09:30:00'));
  });

  it('lands on the end of a period when the time runs out exactly there', () => {
    expect(addWorkingMinutes(cal, cst('2026-03-02T09:00:00'), 180)).toEqual(cst('2026-03-02T12:00:00'));
  });

  it('starts outside working time at the next working moment', () => {
    expect(addWorkingMinutes(cal, cst('2026-03-02T12:15:00'), 0)).toEqual(cst('2026-03-02T13:30:00'));
    expect(addWorkingMinutes(cal, cst('2026-03-06T20:00:00'), 30)).toEqual(cst('2026-03-09T09:30:00'));
  });

  it('jumps the Spring Festival and works the make-up Saturday after it', () => {
    // Friday 13 Feb 17:00 + 2 h: one hour on Friday, then Saturday 14 Feb is a make-up workday.
    expect(addWorkingMinutes(cal, cst('2026-02-13T17:00:00'), 120)).toEqual(cst('2026-02-14T10:00:00'));
    // Saturday 14 Feb 17:00 + 2 h: the holiday runs 15–23 Feb, so Tuesday 24 Feb.
    expect(addWorkingMinutes(cal, cst('2026-02-14T17:00:00'), 120)).toEqual(cst('2026-02-24T10:00:00'));
  });

  it('crosses a year whose arrangement it knows', () => {
    // Wednesday 31 Dec 2025 17:00 + 2 h: 1–3 Jan 2026 off, Sunday 4 Jan a make-up workday.
    expect(addWorkingMinutes(CHINA_CALENDAR, cst('2025-12-31T17:00:00'), 120)).toEqual(
      cst('2026-01-04T10:00:00'),
    );
  });
});

describe('workingMinutesBetween', () => {
  it('counts only working time, negative backwards', () => {
    expect(workingMinutesBetween(cal, cst('2026-03-02T08:00:00'), cst('2026-03-02T19:00:00'))).toBe(450);
    expect(workingMinutesBetween(cal, cst('2026-03-06T17:00:00'), cst('2026-03-09T10:00:00'))).toBe(120);
    expect(workingMinutesBetween(cal, cst('2026-03-09T10:00:00'), cst('2026-03-06T17:00:00'))).toBe(-120);
    expect(workingMinutesBetween(cal, cst('2026-10-01T09:00:00'), cst('2026-10-07T18:00:00'))).toBe(0);
  });
});

describe('properties', () => {
  const calendars = fc.constantFrom(CHINA_CALENDAR, PLAIN);

  it('adding then measuring gives back the minutes', () => {
    fc.assert(
      fc.property(calendars, moments, durations, (c, start, minutes) => {
        expect(workingMinutesBetween(c, start, addWorkingMinutes(c, start, minutes))).toBe(minutes);
      }),
    );
  });

  it('is monotonic in the minutes and in the start', () => {
    fc.assert(
      fc.property(calendars, moments, durations, durations, (c, start, m1, m2) => {
        const [small, large] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(addWorkingMinutes(c, start, small).getTime()).toBeLessThanOrEqual(
          addWorkingMinutes(c, start, large).getTime(),
        );
      }),
    );
    fc.assert(
      fc.property(calendars, moments, moments, durations, (c, a, b, minutes) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addWorkingMinutes(c, early, minutes).getTime()).toBeLessThanOrEqual(
          addWorkingMinutes(c, late, minutes).getTime(),
        );
      }),
    );
  });

  it('never lands in non-working time (a period end counts as landing in it)', () => {
    fc.assert(
      fc.property(calendars, moments, durations, (c, start, minutes) => {
        const due = addWorkingMinutes(c, start, minutes);
        const justBefore = new Date(due.getTime() - 1);
        expect(isWorkingMoment(c, due) || (minutes > 0 && isWorkingMoment(c, justBefore))).toBe(true);
        expect(isWorkingDay(c, due)).toBe(true);
      }),
    );
  });

  it('measures the same working time whichever way it is split', () => {
    fc.assert(
      fc.property(calendars, moments, moments, moments, (c, a, b, m) => {
        const whole = workingMinutesBetween(c, a, b);
        expect(workingMinutesBetween(c, a, m) + workingMinutesBetween(c, m, b)).toBeCloseTo(whole, 9);
      }),
    );
  });
});
