import type { FastifyInstance } from 'fastify';
import type { Database } from '../../server/db/client';
import type { PiiCipher } from '../../server/lib/pii';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, enrolDemoAccounts, totpCode } from '../../server/modules/auth';

/**
 * A database seeded before two-factor sign-in existed (a kept benchmark database) has demo accounts
 * without the demo TOTP secret: enrol those that need it, found by sharing `username`'s password hash.
 */
export async function enrolDemoAccountsLike(db: Database, pii: PiiCipher, username: string) {
  const [row] = await db.query<{ password_hash: string }>(
    'SELECT password_hash FROM accounts WHERE username = $1',
    [username],
  );
  if (row) await enrolDemoAccounts(db, pii, row.password_hash);
}

/** Secrets of accounts this process enrolled through the API (e.g. an administrator made for a test). */
const enrolledHere = new Map<string, string>();

/**
 * Signs a demo account in through the real login route and returns its bearer token: the demo password
 * and the current code of the account's TOTP secret (the published demo secret, or one this helper
 * enrolled). An account that must still enrol is enrolled on the way (setup + confirm), as a person would.
 *
 * Tests and benchmarks sign the same account in many times within one 30-second step, which the replay
 * guard would refuse; so the helper first forgets the account's last used step. The guard itself is
 * tested in tests/api/auth-totp.test.ts.
 */
export async function demoBearerToken(
  app: FastifyInstance,
  db: Database,
  username: string,
  password = DEMO_PASSWORD,
): Promise<string> {
  await db.query('UPDATE accounts SET totp_last_step = NULL WHERE username = $1', [username]);
  const secret = enrolledHere.get(username) ?? DEMO_TOTP_SECRET;
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password, totp: totpCode(secret), tokenType: 'bearer' },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const session = res.json() as { token: string; totpEnrollmentRequired: boolean };
  if (!session.totpEnrollmentRequired) return session.token;
  const authorization = `Bearer ${session.token}`;
  const setup = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/totp/setup',
    headers: { authorization },
  });
  if (setup.statusCode !== 200) throw new Error(`totp setup ${username}: ${setup.statusCode} ${setup.body}`);
  const fresh = (setup.json() as { secret: string }).secret;
  const confirm = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/totp/confirm',
    headers: { authorization },
    payload: { code: totpCode(fresh) },
  });
  if (confirm.statusCode !== 200)
    throw new Error(`totp confirm ${username}: ${confirm.statusCode} ${confirm.body}`);
  enrolledHere.set(username, fresh);
  return (confirm.json() as { token: string }).token;
}
