// Public holidays and make-up workdays in mainland China, as the State Council's General Office publishes
// them each autumn for the next year (国务院办公厅关于 YYYY 年部分节假日安排的通知):
//   2024: 国办发明电〔2023〕7号, 2023-10-25
//   2025: 国办发明电〔2024〕12号, 2024-11-12
//   2026: published 2025-11-04 (Xinhua)
// A year not listed here has no arrangement yet: its weekdays count as working days. Add the year's notice
// when it is published (holidays as date ranges, make-up workdays one by one).
import { dateRange, STANDARD_WORKING_HOURS, type WorkingCalendar } from './working-calendar';

interface Arrangement {
  holidays: [first: string, last: string][];
  workdays: string[];
}

const ARRANGEMENTS: Record<number, Arrangement> = {
  2024: {
    holidays: [
      ['2024-01-01', '2024-01-01'],
      ['2024-02-10', '2024-02-17'],
      ['2024-04-04', '2024-04-06'],
      ['2024-05-01', '2024-05-05'],
      ['2024-06-10', '2024-06-10'],
      ['2024-09-15', '2024-09-17'],
      ['2024-10-01', '2024-10-07'],
    ],
    workdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  2025: {
    holidays: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    holidays: [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

/** The years whose arrangement is known; later years count only weekends as days off. */
export const CHINA_ARRANGEMENT_YEARS: readonly number[] = Object.keys(ARRANGEMENTS).map(Number);

/** A calendar with standard working hours and the arrangements of the given years. */
export function chinaCalendar(years: readonly number[] = CHINA_ARRANGEMENT_YEARS): WorkingCalendar {
  const chosen = years.map((year) => {
    const arrangement = ARRANGEMENTS[year];
    if (!arrangement) throw new RangeError(`no published holiday arrangement for ${year}`);
    return arrangement;
  });
  return {
    workingHours: STANDARD_WORKING_HOURS,
    holidays: chosen.flatMap((a) => a.holidays.flatMap(([first, last]) => dateRange(first, last))),
    workdays: chosen.flatMap((a) => a.workdays),
  };
}

export const CHINA_2024_CALENDAR = chinaCalendar([2024]);
export const CHINA_2025_CALENDAR = chinaCalendar([2025]);
export const CHINA_2026_CALENDAR = chinaCalendar([2026]);
/** Every known year: what deadlines spanning a new year need. */
export const CHINA_CALENDAR = chinaCalendar();
