// Calendar dates as whole days since 1970-01-01 (UTC), which keeps date arithmetic exact and fast.
import { REFERENCE_DATE } from './scales';

const MS_PER_DAY = 86_400_000;
export const DAYS_PER_YEAR = 365.2425;

export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

// Formatting dates is a hot path for hundreds of thousands of rows: memoise per day.
const FIRST_DAY = dayNumber('1900-01-01');
const LAST_DAY = dayNumber('2100-12-31');
const isoCache: string[] = [];
const ymdCache = new Int32Array(LAST_DAY - FIRST_DAY + 1);

function fill(day: number): number {
  const slot = day - FIRST_DAY;
  if (slot < 0 || day > LAST_DAY) throw new Error(`seed date out of range: day ${day}`);
  if (isoCache[slot] === undefined) {
    const iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache[slot] = iso;
    ymdCache[slot] =
      Number(iso.slice(0, 4)) * 10_000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
  }
  return slot;
}

export function isoDate(day: number): string {
  return isoCache[fill(day)]!;
}

export const REFERENCE_DAY = dayNumber(REFERENCE_DATE);

/** Whole years of age on `day` (the reference day by default) for someone born on `birthDay`. */
export function ageOn(birthDay: number, day = REFERENCE_DAY): number {
  return Math.floor((ymdCache[fill(day)]! - ymdCache[fill(birthDay)]!) / 10_000);
}
