import type { Role } from '../../../core/policy/roles';
import type { Database } from '../../db/client';
import type { PiiCipher } from '../../lib/pii';
import { totpCode } from './totp';
import { requiresTwoFactor, sealTotpSecret } from './two-factor';

/** The one password of every demo account (README states it). Demo data only: never in production. */
export const DEMO_PASSWORD = 'Huangpu#2013';

/**
 * The one published TOTP secret of the demo accounts that need two-factor sign-in (README states it;
 * `npm run demo:totp -- <username>` prints its current code). Demo data only: never in production.
 */
export const DEMO_TOTP_SECRET = 'HUANGPUGRIDDEMOTOTPSECRETQ2W3E4R';

/** The demo secret's current code (tests, benchmarks and the demo:totp script sign in with it). */
export const demoTotpCode = (at = Date.now()) => totpCode(DEMO_TOTP_SECRET, at);

/**
 * Enrols the demo accounts whose role needs two-factor sign-in with the published demo secret: those
 * holding `demoHash` (the demo password's one shared hash), so an administrator is never touched.
 */
export async function enrolDemoAccounts(db: Database, pii: PiiCipher, demoHash: string): Promise<number> {
  const rows = await db.query<{ id: number; role: Role; department_code: string | null }>(
    `SELECT a.id, a.role, d.code AS department_code FROM accounts a
       LEFT JOIN departments d ON d.id = a.department_id
      WHERE a.password_hash = $1 AND a.totp_secret IS NULL`,
    [demoHash],
  );
  const enrol = rows.filter((r) => requiresTwoFactor({ role: r.role, departmentCode: r.department_code }));
  if (enrol.length === 0) return 0;
  await db.query(
    `UPDATE accounts a SET totp_secret = decode(v.blob, 'hex'), totp_enrolled_at = now()
       FROM unnest($1::int[], $2::text[]) AS v(id, blob) WHERE a.id = v.id`,
    [
      enrol.map((r) => r.id),
      enrol.map((r) => sealTotpSecret(pii, r.id, 'totp_secret', DEMO_TOTP_SECRET).toString('hex')),
    ],
  );
  return enrol.length;
}
