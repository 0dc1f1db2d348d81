import { randomInt } from 'node:crypto';

// No look-alikes (0/O, 1/l/I): the administrator reads it out or writes it down for the person.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const OTHER = '#%+=@';

/**
 * A one-time password for a new account or a reset: 14 characters from every class, so that it passes the
 * password rule; the account must replace it at its next sign-in.
 */
export function temporaryPassword(): string {
  const pick = (set: string) => set[randomInt(set.length)]!;
  const all = LOWER + UPPER + DIGITS;
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(OTHER)];
  while (chars.length < 14) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
