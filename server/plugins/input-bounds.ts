/**
 * Bounds every input shares, whatever route it comes through. Ids are PostgreSQL `integer` columns; dates
 * are limited to a range both PostgreSQL and JavaScript hold exactly and that every registry date (birth,
 * founding, permit expiry) falls in.
 */
export const MAX_ID = 2_147_483_647;
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2100-12-31';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/** A real calendar date `YYYY-MM-DD` within MIN_DATE..MAX_DATE. */
export function isSaneDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > (month === 2 && leap(year) ? 29 : DAYS_IN_MONTH[month - 1]!)) return false;
  return text >= MIN_DATE && text <= MAX_DATE;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):?([0-5]\d))$/i;

/** RFC 3339 date-time with a time zone, its date part within MIN_DATE..MAX_DATE. */
export function isSaneDateTime(text: string): boolean {
  const [date, time, ...rest] = text.split(/[Tt ]/);
  return rest.length === 0 && !!date && !!time && isSaneDate(date) && TIME.test(time);
}
