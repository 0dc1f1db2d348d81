import { describe, expect, it } from 'vitest';
import {
  CHINA_2024_CALENDAR,
  CHINA_2025_CALENDAR,
  CHINA_2026_CALENDAR,
  CHINA_ARRANGEMENT_YEARS,
  CHINA_CALENDAR,
  chinaCalendar,
} from './china-calendar';
import { isWorkingDay } from './working-calendar';

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const isWeekend = (iso: string) => weekday(iso) === 0 || weekday(iso) === 6;

describe('China holiday arrangements', () => {
  it('make-up workdays are all weekend days, and no date is both holiday and workday', () => {
    for (const c of [CHINA_2024_CALENDAR, CHINA_2025_CALENDAR, CHINA_2026_CALENDAR]) {
      for (const day of c.workdays) expect(isWeekend(day), day).toBe(true);
      for (const day of c.workdays) expect(c.holidays).not.toContain(day);
    }
  });

  it('has the published number of days off per year (holidays plus weekends inside them)', () => {
    expect(CHINA_2024_CALENDAR.holidays).toHaveLength(1 + 8 + 3 + 5 + 1 + 3 + 7);
    expect(CHINA_2025_CALENDAR.holidays).toHaveLength(1 + 8 + 3 + 5 + 3 + 8);
    expect(CHINA_2026_CALENDAR.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
  });

  it('counts working days as a year should (about 250)', () => {
    for (const year of CHINA_ARRANGEMENT_YEARS) {
      const calendar = chinaCalendar([year]);
      let working = 0;
      for (let d = Date.UTC(year, 0, 1); d < Date.UTC(year + 1, 0, 1); d += 86_400_000) {
        if (isWorkingDay(calendar, new Date(d).toISOString().slice(0, 10))) working++;
      }
      expect(working, String(year)).toBeGreaterThanOrEqual(246);
      expect(working, String(year)).toBeLessThanOrEqual(251);
    }
  });

  it('knows the named days of 2026', () => {
    expect(isWorkingDay(CHINA_2026_CALENDAR, '2026-02-16')).toBe(false); // Spring Festival, Monday
    expect(isWorkingDay(CHINA_2026_CALENDAR, '2026-02-28')).toBe(true); // Saturday worked
    expect(isWorkingDay(CHINA_2026_CALENDAR, '2026-09-25')).toBe(false); // Mid-Autumn, Friday
    expect(isWorkingDay(CHINA_CALENDAR, '2025-10-08')).toBe(false);
    expect(isWorkingDay(CHINA_CALENDAR, '2024-02-04')).toBe(true);
  });

  it('refuses a year without a published arrangement', () => {
    expect(() => chinaCalendar([2031])).toThrow(/2031/);
  });
});
