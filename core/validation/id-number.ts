// Chinese resident ID number (公民身份号码), GB 11643-1999.

export type IdNumberInfo = { regionCode: string; birthDate: string; sex: 'M' | 'F' };

export type IdNumberResult =
  | { ok: true; value: string; info: IdNumberInfo }
  | { ok: false; reason: 'format' | 'checksum' | 'birth_date' };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const ID_PATTERN = /^\d{17}[\dX]$/;
const MIN_BIRTH_DATE = '1900-01-01';

export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`idNumberCheckChar: expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** True when 'YYYYMMDD' (8 digits) is a real Gregorian calendar date. */
function isCalendarDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= daysInMonth;
}

function localIsoDate(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * Validates and normalises an ID number. `today` (local calendar date) bounds the birth date from
 * above; it is a parameter only so that tests can pin it.
 */
export function parseIdNumber(raw: string, today: Date = new Date()): IdNumberResult {
  const value = raw.trim().toUpperCase();
  if (!ID_PATTERN.test(value)) return { ok: false, reason: 'format' };
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: 'checksum' };

  const compactDate = value.slice(6, 14);
  const birthDate = `${compactDate.slice(0, 4)}-${compactDate.slice(4, 6)}-${compactDate.slice(6, 8)}`;
  if (!isCalendarDate(compactDate) || birthDate < MIN_BIRTH_DATE || birthDate > localIsoDate(today)) {
    return { ok: false, reason: 'birth_date' };
  }
  const sex = (value.charCodeAt(16) - 48) % 2 === 1 ? 'M' : 'F';
  return { ok: true, value, info: { regionCode: value.slice(0, 6), birthDate, sex } };
}

/** Builds a valid ID number; an odd `sequence` yields a male, an even one a female. */
export function makeIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(regionCode))
    throw new Error(`makeIdNumber: region code must be 6 digits: "${regionCode}"`);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  const compactDate = match ? `${match[1]}${match[2]}${match[3]}` : '';
  if (!match || !isCalendarDate(compactDate)) {
    throw new Error(`makeIdNumber: birth date must be a real YYYY-MM-DD date: "${birthDate}"`);
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new Error(`makeIdNumber: sequence must be an integer in 0..999: ${sequence}`);
  }
  const first17 = `${regionCode}${compactDate}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}
