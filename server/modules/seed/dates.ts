// Calendar dates as whole days since 1970-01-01 (UTC), which keeps date arithmetic exact and fast.
import { REFERENCE_DATE } from './scales';

const MS_PER_DAY = 86_400_000;

export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export const REFERENCE_DAY = dayNumber(REFERENCE_DATE);
export const DAYS_PER_YEAR = 365.2425;

/** Whole years between a birth day and the reference day. */
export function ageOn(birthDay: number, day = REFERENCE_DAY): number {
  const birth = new Date(birthDay * MS_PER_DAY);
  const on = new Date(day * MS_PER_DAY);
  let age = on.getUTCFullYear() - birth.getUTCFullYear();
  const monthDiff = on.getUTCMonth() - birth.getUTCMonth();
  if (monthDiff < 0 || (monthDiff === 0 && on.getUTCDate() < birth.getUTCDate())) age--;
  return age;
}
