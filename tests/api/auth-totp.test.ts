import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canReveal, PERSONAL_FIELDS, type RegistryResource } from '../../core/policy/capabilities';
import type { Role } from '../../core/policy/roles';
import {
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  demoTotpCode,
  hashPassword,
  totpCode,
} from '../../server/modules/auth';
import { demoAccounts, startTestApp } from '../support/test-app';

/** Two-factor sign-in (TOTP): who needs it, codes once only, and the enrolment-only session. */
describe('two-factor sign-in', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let address = 0;
  /** Each call from an address of its own, so the lockout of one check never meets another. */
  const login = (username: string, extra: Record<string, unknown> = {}, password = DEMO_PASSWORD) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: `203.0.113.${++address}`,
      payload: { username, password, tokenType: 'bearer', ...extra },
    });
  const as = (token: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` }, payload });
  const forgetStep = (username: string) =>
    t.db.query('UPDATE accounts SET totp_last_step = NULL WHERE username = $1', [username]);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    // On PostgreSQL the test files share one database: leave no extra account behind.
    await t.db.query(
      "DELETE FROM sessions WHERE account_id IN (SELECT id FROM accounts WHERE username LIKE 'totp.test.%')",
    );
    await t.db.query("DELETE FROM accounts WHERE username LIKE 'totp.test.%'");
    await t.close();
  });

  it('enrols exactly the demo accounts whose role may reveal personal data (admin aside)', async () => {
    const accounts = await demoAccounts(t.db);
    const enrolled = new Set(
      (
        await t.db.query<{ username: string }>(
          'SELECT username FROM accounts WHERE totp_enrolled_at IS NOT NULL AND totp_secret IS NOT NULL',
        )
      ).map((r) => r.username),
    );
    for (const a of accounts) {
      const subject = { role: a.role as Role, departmentCode: a.department_code };
      const reveals = Object.entries(PERSONAL_FIELDS).some(([r, fields]) =>
        (fields ?? []).some((f) => canReveal(subject, r as RegistryResource, f)),
      );
      expect(enrolled.has(a.username), `${a.username} (${a.role} ${a.department_code ?? ''})`).toBe(reveals);
    }
    // Both kinds exist in the demo: the test above checks something on each side.
    expect(accounts.some((a) => a.role === 'grid_worker' && enrolled.has(a.username))).toBe(true);
    expect(accounts.some((a) => a.role === 'department_staff' && !enrolled.has(a.username))).toBe(true);
  });

  it('asks an enrolled account for its code, refuses a wrong one, accepts the right one once', async () => {
    await forgetStep('centre001');
    const without = await login('centre001');
    expect(without.statusCode).toBe(401);
    expect(without.json().code).toBe('totp_required');
    const code = demoTotpCode();
    const wrong = await login('centre001', { totp: code === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('bad_totp');
    const right = await login('centre001', { totp: code });
    expect(right.statusCode).toBe(200);
    expect(right.json().totpEnrollmentRequired).toBe(false);
    expect((await as(right.json().token, 'GET', '/registry/residents?limit=1')).statusCode).toBe(200);
    // The same code again (another client, within its 30 s): replay refused.
    const replay = await login('centre001', { totp: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('bad_totp');
    // A code of an earlier step than the one used is refused as well (steps only move forward).
    const earlier = await login('centre001', { totp: totpCode(DEMO_TOTP_SECRET, Date.now() - 30_000) });
    expect(earlier.json().code).toBe('bad_totp');
    const [audit] = await t.db.query<{ reasons: string[] }>(
      `SELECT array_agg(details->>'reason' ORDER BY id) AS reasons FROM audit_log
        WHERE action = 'login.failure' AND details->>'username' = 'centre001'`,
    );
    expect(audit!.reasons).toEqual(
      expect.arrayContaining(['second factor missing', 'wrong second factor', 'second factor replayed']),
    );
  });

  it('refuses a code that is not six digits as bad input', async () => {
    for (const totp of ['12345', '1234567', 'abcdef', 123456]) {
      const res = await login('centre001', { totp });
      expect(res.statusCode, String(totp)).toBe(400);
    }
  });

  it('signs a leader in with the password alone (no right to reveal personal data)', async () => {
    const res = await login('leader001');
    expect(res.statusCode).toBe(200);
    expect(res.json().totpEnrollmentRequired).toBe(false);
    expect((await as(res.json().token, 'GET', '/registry/residents?limit=1')).statusCode).toBe(200);
  });

  it('limits an account that must enrol to enrolment until it confirms a code', async () => {
    const [district] = await t.db.query<{ id: number }>("SELECT id FROM areas WHERE level = 'district'");
    await t.db.query(
      `INSERT INTO accounts (username, display_name, password_hash, role, area_ids)
       VALUES ('totp.test.admin', '测试管理员', $1, 'admin', $2)`,
      [await hashPassword(DEMO_PASSWORD), [district!.id]],
    );
    const res = await login('totp.test.admin');
    expect(res.statusCode).toBe(200);
    expect(res.json().totpEnrollmentRequired).toBe(true);
    const limited = res.json().token as string;
    // Everything but me, logout and enrolment answers 403 totp_enrollment_required.
    const me = await as(limited, 'GET', '/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().totpEnrollmentRequired).toBe(true);
    for (const [method, url] of [
      ['GET', '/areas/tree'],
      ['GET', '/registry/summary?area=440112000000000'],
      ['POST', '/auth/password'],
    ] as const) {
      const refused = await as(limited, method, url, method === 'POST' ? {} : undefined);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().code, url).toBe('totp_enrollment_required');
    }
    const setup = await as(limited, 'POST', '/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, uri } = setup.json();
    expect(uri).toContain(`secret=${secret}`);
    const [stored] = await t.db.query<{ pending: Uint8Array }>(
      "SELECT totp_pending_secret AS pending FROM accounts WHERE username = 'totp.test.admin'",
    );
    expect(Buffer.from(stored!.pending).toString('latin1')).not.toContain(secret); // encrypted
    const bad = await as(limited, 'POST', '/auth/totp/confirm', {
      code: totpCode(secret, Date.now() - 120_000),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('code');
    const code = totpCode(secret);
    const confirmed = await as(limited, 'POST', '/auth/totp/confirm', { code });
    expect(confirmed.statusCode).toBe(200);
    const full = confirmed.json().token as string;
    expect(confirmed.json().totpEnrollmentRequired).toBe(false);
    // The limited session ended; the new one reaches the API.
    expect((await as(limited, 'GET', '/auth/me')).statusCode).toBe(401);
    expect((await as(full, 'GET', '/areas/tree')).statusCode).toBe(200);
    expect((await as(full, 'GET', '/auth/me')).json().totpEnrollmentRequired).toBe(false);
    // Enrolment is audited, a second set-up is refused, and the next sign-in asks for a code.
    const [audit] = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'totp.enrol' AND actor LIKE '%:totp.test.admin'",
    );
    expect(audit!.n).toBe(1);
    expect((await as(full, 'POST', '/auth/totp/setup')).statusCode).toBe(409);
    expect((await login('totp.test.admin')).json().code).toBe('totp_required');
    // The confirming code was its step's one use.
    expect((await login('totp.test.admin', { totp: code })).json().code).toBe('bad_totp');
  });
});
