import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, hashPassword } from '../../server/modules/auth';
import { startTestApp } from '../support/test-app';

/** Lockout without an oracle: per (username, client address), with back-off, kept in the database. */
describe('sign-in lockout', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  const login = (username: string, password: string, remoteAddress: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      headers: { 'accept-language': 'en' },
      payload: { username, password },
    });
  const answer = (res: Awaited<ReturnType<typeof login>>) => ({
    status: res.statusCode,
    code: res.json().code as string,
    message: res.json().message as string,
  });
  const unlock = (username: string) =>
    t.db.query("UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE username = $1", [
      username,
    ]);

  // Accounts of their own (password only: leaders need no second factor), so no other test meets their locks.
  const USERS = ['lockout.test.1', 'lockout.test.2', 'lockout.test.3', 'lockout.test.4', 'lockout.test.5'];
  beforeAll(async () => {
    t = await startTestApp({ loginMaxFailures: 3, loginLockMinutes: 1, loginLockMaxMinutes: 4 });
    const [district] = await t.db.query<{ id: number }>("SELECT id FROM areas WHERE level = 'district'");
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const username of USERS)
      await t.db.query(
        `INSERT INTO accounts (username, display_name, password_hash, role, area_ids)
         VALUES ($1, '锁定测试', $2, 'district_leader', $3)`,
        [username, hash, [district!.id]],
      );
  });
  afterAll(async () => {
    // On PostgreSQL the test files share one database: leave nothing behind.
    await t.db.query(
      'DELETE FROM sessions WHERE account_id IN (SELECT id FROM accounts WHERE username = ANY($1))',
      [USERS],
    );
    await t.db.query('DELETE FROM accounts WHERE username = ANY($1)', [USERS]);
    await t.db.query("DELETE FROM login_throttle WHERE client LIKE '192.0.2.%'");
    await t.close();
  });

  it('answers a real and an unknown username identically at every attempt, locked or not', async () => {
    const attempts = t.config.loginMaxFailures * 2 + 1;
    for (let i = 1; i <= attempts; i++) {
      const known = answer(await login('lockout.test.1', 'Wrong-password-1', '192.0.2.10'));
      const unknown = answer(await login('no.such.user', 'Wrong-password-1', '192.0.2.10'));
      expect(unknown, `attempt ${i}`).toEqual(known);
      const locked = i >= t.config.loginMaxFailures;
      expect(known.status, `attempt ${i}`).toBe(locked ? 429 : 401);
      expect(known.code, `attempt ${i}`).toBe(locked ? 'account_locked' : 'bad_credentials');
    }
    // While locked, even the right password gets the same answer as an unknown name.
    const right = answer(await login('lockout.test.1', DEMO_PASSWORD, '192.0.2.10'));
    const nobody = answer(await login('no.such.user', DEMO_PASSWORD, '192.0.2.10'));
    expect(right).toEqual(nobody);
    expect(right.status).toBe(429);
    // Every attempt is on record: the failures of both names, with the client address.
    const [row] = await t.db.query<{ known: number; unknown: number }>(
      `SELECT count(*) FILTER (WHERE details->>'username' = 'lockout.test.1')::int AS known,
              count(*) FILTER (WHERE details->>'username' = 'no.such.user')::int AS unknown
         FROM audit_log WHERE action = 'login.failure' AND details->>'client' = '192.0.2.10'`,
    );
    expect(row).toEqual({ known: attempts + 1, unknown: attempts + 1 });
  });

  it('takes the same time for a real and an unknown username (both verify a password hash)', async () => {
    // Timing on a shared machine is noisy: compare medians loosely. A missing decoy hash would make
    // unknown names many times faster (no argon2 at all).
    const median = async (username: string) => {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        await t.db.query('DELETE FROM login_throttle WHERE client = $1', ['192.0.2.11']);
        const start = performance.now();
        await login(username, 'Wrong-password-1', '192.0.2.11');
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[3]!;
    };
    const [known, unknown] = [await median('lockout.test.2'), await median('no.such.user.2')];
    expect(unknown / known).toBeGreaterThan(0.4);
    expect(unknown / known).toBeLessThan(2.5);
  });

  it('locks only the client that failed: another address signs in as usual', async () => {
    for (let i = 0; i < t.config.loginMaxFailures; i++)
      await login('lockout.test.3', 'Wrong-password-1', '192.0.2.20');
    expect((await login('lockout.test.3', DEMO_PASSWORD, '192.0.2.20')).statusCode).toBe(429);
    expect((await login('lockout.test.3', DEMO_PASSWORD, '192.0.2.21')).statusCode).toBe(200);
    // And the locked client may still sign in as someone else.
    expect((await login('lockout.test.4', DEMO_PASSWORD, '192.0.2.20')).statusCode).toBe(200);
  });

  it('doubles each further lock of the same pair, up to the cap, and forgets after a success', async () => {
    const lockMinutes: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < t.config.loginMaxFailures; i++)
        await login('lockout.test.5', 'Wrong-password-1', '192.0.2.30');
      const [row] = await t.db.query<{ minutes: number }>(
        `SELECT round(extract(epoch FROM locked_until - now()) / 60)::int AS minutes FROM login_throttle
          WHERE username = 'lockout.test.5' AND client = '192.0.2.30'`,
      );
      lockMinutes.push(row!.minutes);
      const locked = answer(await login('lockout.test.5', 'Wrong-password-1', '192.0.2.30'));
      expect(locked.message).toContain(`${row!.minutes} min`);
      await unlock('lockout.test.5');
    }
    expect(lockMinutes).toEqual([1, 2, 4, 4]);
    expect((await login('lockout.test.5', DEMO_PASSWORD, '192.0.2.30')).statusCode).toBe(200);
    const [left] = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM login_throttle WHERE username = 'lockout.test.5'",
    );
    expect(left!.n).toBe(0);
  });

  it('counts a wrong second-factor code toward the lock', async () => {
    const [account] = await t.db.query<{ username: string }>(
      "SELECT username FROM accounts WHERE role = 'grid_worker' AND totp_enrolled_at IS NOT NULL ORDER BY username LIMIT 1",
    );
    const withCode = (totp: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '192.0.2.40',
        payload: { username: account!.username, password: DEMO_PASSWORD, totp },
      });
    const codes: string[] = [];
    for (let i = 0; i < t.config.loginMaxFailures; i++) codes.push((await withCode('000000')).json().code);
    // ('000000' could be the current code once in a million runs; the lock would then come one later.)
    expect(codes.slice(0, -1).every((c) => c === 'bad_totp')).toBe(true);
    expect(codes.at(-1)).toBe('account_locked');
  });
});
