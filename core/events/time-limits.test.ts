import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHINA_2026_CALENDAR } from '../time/china-calendar';
import { workingMinutesBetween } from '../time/working-calendar';
import { CATEGORIES } from './catalogue';
import {
  DEFAULT_TIME_LIMITS,
  deadlineFor,
  deadlineStatus,
  handleStepAt,
  limitFor,
  TIMED_STEPS,
  type TimeLimitTable,
  timeLimitProblems,
  URGENCIES,
} from './time-limits';

const cst = (local: string) => new Date(`${local}+08:00`);
const cal = CHINA_2026_CALENDAR;
const limits = DEFAULT_TIME_LIMITS;

describe('time limits', () => {
  it('the default table is valid, and urgent never gives more time than normal', () => {
    expect(timeLimitProblems(limits)).toEqual([]);
  });

  it('gives a normal step working time, skipping the night and the weekend', () => {
    // Friday 17:00 + 2 working hours to accept: 1 h on Friday, 1 h on Monday.
    const due = deadlineFor(
      limits,
      cal,
      { category: '08', urgency: 'normal', step: 'accept' },
      cst('2026-03-06T17:00:00'),
    );
    expect(due).toMatchObject({ minutes: 120, clock: 'working' });
    expect(due.dueAt).toEqual(cst('2026-03-09T10:00:00'));
    // 80 % of 120 = 96 minutes: 60 on Friday, 36 on Monday.
    expect(due.warnAt).toEqual(cst('2026-03-09T09:36:00'));
  });

  it('gives an emergency elapsed time, day and night, whatever the calendar', () => {
    const start = cst('2026-10-03T23:50:00'); // a holiday, at night
    const due = deadlineFor(limits, cal, { category: '19', urgency: 'emergency', step: 'accept' }, start);
    expect(due).toMatchObject({ minutes: 10, clock: 'elapsed' });
    expect(due.dueAt).toEqual(cst('2026-10-04T00:00:00'));
    expect(due.warnAt).toEqual(cst('2026-10-03T23:58:00'));
  });

  it('takes a category override, and a sub-category takes its parent’s', () => {
    const overrides: TimeLimitTable['overrides'] = {
      ...limits.overrides,
      '20': { urgent: { department_handle: 300 } },
      '20.08': { urgent: { department_handle: 120 } },
    };
    const table = { ...limits, overrides };
    expect(limitFor(table, { category: '16', urgency: 'normal', step: 'department_handle' }).minutes).toBe(
      4500,
    );
    expect(limitFor(table, { category: '16', urgency: 'urgent', step: 'department_handle' }).minutes).toBe(
      900,
    );
    expect(limitFor(table, { category: '20.03', urgency: 'urgent', step: 'department_handle' }).minutes).toBe(
      300,
    );
    expect(limitFor(table, { category: '20.08', urgency: 'urgent', step: 'department_handle' }).minutes).toBe(
      120,
    );
    expect(limitFor(table, { category: '01', urgency: 'urgent', step: 'department_handle' }).minutes).toBe(
      900,
    );
  });

  it('handles every category, urgency and step with a positive limit', () => {
    for (const category of CATEGORIES) {
      for (const urgency of URGENCIES) {
        for (const step of TIMED_STEPS) {
          expect(limitFor(limits, { category: category.code, urgency, step }).minutes).toBeGreaterThan(0);
        }
      }
    }
  });

  it('maps a ladder level to its handling step', () => {
    expect(handleStepAt('community')).toBe('handle_community');
  });

  it('tells on time, nearly due and overdue; due exactly at the deadline is on time', () => {
    const due = deadlineFor(
      limits,
      cal,
      { category: '01', urgency: 'normal', step: 'verify' },
      cst('2026-03-02T09:00:00'),
    );
    expect(due.dueAt).toEqual(cst('2026-03-02T18:00:00'));
    expect(deadlineStatus(due, cst('2026-03-02T10:00:00'))).toBe('on_time');
    expect(deadlineStatus(due, cst('2026-03-02T17:00:00'))).toBe('warning');
    expect(deadlineStatus(due, cst('2026-03-02T18:00:00'))).toBe('warning');
    expect(deadlineStatus(due, cst('2026-03-02T18:00:01'))).toBe('overdue');
  });

  it('names what is wrong with an edited table', () => {
    const bad: TimeLimitTable = {
      ...limits,
      warnShare: 1.2,
      urgent: { ...limits.urgent, verify: limits.normal.verify + 1 },
      overrides: { '98': { normal: { accept: 10 } }, '16': { normal: { close: 0, nonsense: 5 } as never } },
    };
    expect(timeLimitProblems(bad)).toEqual(
      expect.arrayContaining([
        { path: 'warnShare', problem: 'bad_warn_share' },
        { path: 'urgent.verify', problem: 'urgent_longer' },
        { path: 'overrides.98', problem: 'unknown_category' },
        { path: 'overrides.16.normal.close', problem: 'bad_minutes' },
        { path: 'overrides.16.normal.nonsense', problem: 'unknown_step' },
      ]),
    );
    const { accept: _, ...missing } = limits.normal;
    expect(timeLimitProblems({ ...limits, normal: missing as never })).toContainEqual({
      path: 'normal.accept',
      problem: 'missing_step',
    });
  });

  it('warns before it is due, and the due time is exactly the limit in working time', () => {
    const categories = fc.constantFrom(...CATEGORIES.map((c) => c.code));
    const moments = fc.date({
      min: new Date('2026-01-01T00:00:00Z'),
      max: new Date('2026-12-01T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        categories,
        fc.constantFrom('normal' as const, 'urgent' as const),
        fc.constantFrom(...TIMED_STEPS),
        moments,
        (category, urgency, step, start) => {
          const due = deadlineFor(limits, cal, { category, urgency, step }, start);
          expect(due.warnAt.getTime()).toBeLessThan(due.dueAt.getTime());
          expect(workingMinutesBetween(cal, start, due.dueAt)).toBeCloseTo(due.minutes, 6);
        },
      ),
    );
  });
});
