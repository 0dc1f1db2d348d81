// Display masking of personal data. Pure string functions; they do not validate.
import { parsePhone } from './validation/phone';

function stars(count: number): string {
  return '*'.repeat(Math.max(0, count));
}

/**
 * Keeps only the 6-digit region (place of registration): 440112************. The birth date, sequence and check
 * digit are all hidden, so that nothing else a record shows (age, birth month, sex) rebuilds the number.
 */
export function maskIdNumber(v: string): string {
  const chars = Array.from(v);
  if (chars.length <= 10) return stars(chars.length);
  return chars.slice(0, 6).join('') + stars(chars.length - 6);
}

/** Mobile: 138****5678; landline: 020-******45. Anything unparseable keeps only its last 2 characters. */
export function maskPhone(v: string): string {
  const parsed = parsePhone(v);
  if (parsed.ok) {
    const phone = parsed.value;
    const dash = phone.indexOf('-');
    if (dash < 0) return phone.slice(0, 3) + stars(phone.length - 7) + phone.slice(-4);
    const local = phone.slice(dash + 1);
    return `${phone.slice(0, dash)}-${stars(local.length - 2)}${local.slice(-2)}`;
  }
  const chars = Array.from(v.trim());
  if (chars.length <= 2) return stars(chars.length);
  return stars(chars.length - 2) + chars.slice(-2).join('');
}

/** Keeps the first character: 张三丰 → 张**; single-character names are returned unchanged. */
export function maskName(v: string): string {
  const chars = Array.from(v);
  if (chars.length <= 1) return v;
  return chars[0] + stars(chars.length - 1);
}
