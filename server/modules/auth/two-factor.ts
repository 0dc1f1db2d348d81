import {
  canReveal,
  PERSONAL_FIELDS,
  type RegistryResource,
  type Subject,
} from '../../../core/policy/capabilities';
import type { PiiCipher } from '../../lib/pii';

/**
 * Two-factor sign-in is required of administrators and of every account that may reveal personal
 * data (等保 2.0 level 3): the district centre, streets, communities, grid workers, and department staff
 * whose remit includes a personal field. Leaders and auditors sign in with a password alone (and may
 * enrol voluntarily).
 */
export function requiresTwoFactor(subject: Subject): boolean {
  if (subject.role === 'admin') return true;
  return Object.entries(PERSONAL_FIELDS).some(([resource, fields]) =>
    (fields ?? []).some((field) => canReveal(subject, resource as RegistryResource, field)),
  );
}

type SecretColumn = 'totp_secret' | 'totp_pending_secret';

/** TOTP secrets are encrypted like personal data, bound to their account row and column. */
export const sealTotpSecret = (pii: PiiCipher, accountId: number, column: SecretColumn, secret: string) =>
  pii.encrypt(secret, { table: 'accounts', column, rowId: accountId });

export const openTotpSecret = (pii: PiiCipher, accountId: number, column: SecretColumn, blob: Uint8Array) =>
  pii.decrypt(Buffer.from(blob), { table: 'accounts', column, rowId: accountId });
