import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  demoTotpCode,
  ensureAdministrator,
  forgetEverywhereInProcess,
} from '../../server/modules/auth';
import { startTestApp } from '../support/test-app';

describe('accounts, sessions and login', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  const login = (username: string, password: string, extra: Record<string, unknown> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...extra } });
  const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
    `gg_session=${res.cookies.find((c) => c.name === 'gg_session')!.value}`;
  const lastAudit = async (action: string) =>
    (
      await t.db.query<{ actor: string; details: Record<string, unknown> }>(
        'SELECT actor, details FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1',
        [action],
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs in with a cookie session: HttpOnly, SameSite, and a CSRF token for writes', async () => {
    await t.db.query("UPDATE accounts SET totp_last_step = NULL WHERE username = 'centre001'");
    const res = await login('centre001', DEMO_PASSWORD, { totp: demoTotpCode() });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'gg_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const { csrfToken } = res.json();
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: cookieOf(res) },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'centre001', role: 'district_centre' });
    expect(me.json().capabilities.residents).toContain('reveal');
    const write = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { cookie: cookieOf(res), ...headers },
      });
    expect((await write({})).statusCode).toBe(403);
    expect((await write({ 'x-csrf-token': 'wrong' })).statusCode).toBe(403);
    expect((await write({ 'x-csrf-token': csrfToken })).statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookieOf(res) } }))
        .statusCode,
    ).toBe(401);
    expect((await lastAudit('login.success'))!.actor).toContain('centre001');
  });

  it('refuses every API route without a session', async () => {
    for (const url of ['/api/v1/areas/tree', '/api/v1/registry/residents', '/api/v1/auth/me']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('unauthenticated');
    }
    const bogus = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: 'Bearer nope' },
    });
    expect(bogus.statusCode).toBe(401);
  });

  it('answers a wrong password and an unknown user alike, and audits both', async () => {
    const wrong = await login('leader001', 'Wrong-password-1');
    const unknown = await login('nobody-here', 'Wrong-password-1');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().message).toBe(unknown.json().message);
    expect((await lastAudit('login.failure'))!.details).toMatchObject({ username: 'nobody-here' });
  });

  it('locks (username, address) after repeated failures, even for the right password', async () => {
    for (let i = 0; i < t.config.loginMaxFailures - 1; i++)
      expect((await login('leader002', 'bad-Password-1')).statusCode).toBe(401);
    const locking = await login('leader002', 'bad-Password-1');
    expect(locking.statusCode).toBe(429);
    expect(locking.json().code).toBe('account_locked');
    expect((await login('leader002', DEMO_PASSWORD)).statusCode).toBe(429);
    await t.db.query(
      "UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE username = 'leader002'",
    );
    expect((await login('leader002', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('ends sessions that were idle too long or passed their absolute expiry', async () => {
    const token = await t.tokenFor('centre002');
    const me = () =>
      t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me()).statusCode).toBe(200);
    await t.db.query(
      `UPDATE sessions SET last_seen_at = now() - make_interval(mins => $1) WHERE id = (SELECT max(id) FROM sessions)`,
      [t.config.sessionIdleMinutes + 1],
    );
    // Sessions are cached per process; a change made behind the app's back must be announced.
    forgetEverywhereInProcess('*');
    expect((await me()).statusCode).toBe(401);
    const second = await t.tokenFor('centre002');
    await t.db.query(
      "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = (SELECT max(id) FROM sessions)",
    );
    forgetEverywhereInProcess('*');
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${second}` },
    });
    expect(res.statusCode).toBe(401);
  });

  it('changes a password with the strength rule, ending the other sessions', async () => {
    const other = await t.tokenFor('street002.02');
    const token = await t.tokenFor('street002.02');
    const change = (body: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { authorization: `Bearer ${token}` },
        payload: body,
      });
    const weak = await change({ currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().field).toBe('newPassword');
    // Refused: the published demo password, the current one, control characters (each with its reason).
    // (Control characters are refused by the input normalisation before the rule: either code names the field.)
    const refusals = [
      [DEMO_PASSWORD, 'must not be the published demo password'],
      ['Much-Stronger-42\u0000', 'control characters'],
      ['Much\tStronger-42', 'control characters'],
      ['Much-Stronger-42\u007f', 'control characters'],
    ] as const;
    for (const [newPassword, reason] of refusals) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
        payload: { currentPassword: DEMO_PASSWORD, newPassword },
      });
      expect(res.statusCode, JSON.stringify(newPassword)).toBe(400);
      expect(res.json().field).toBe('newPassword');
      expect(['invalid_field', 'invalid_characters']).toContain(res.json().code);
      expect(res.json().message).toContain(reason);
    }
    expect((await change({ currentPassword: 'not-it', newPassword: 'Much-Stronger-42' })).json().field).toBe(
      'currentPassword',
    );
    expect(
      (await change({ currentPassword: DEMO_PASSWORD, newPassword: 'Much-Stronger-42' })).statusCode,
    ).toBe(204);
    const otherMe = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${other}` },
    });
    expect(otherMe.statusCode).toBe(401);
    expect((await login('street002.02', DEMO_PASSWORD)).statusCode).toBe(401);
    const signedIn = await t.tokenFor('street002.02', 'Much-Stronger-42');
    // The new password cannot be "changed" to itself either.
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { authorization: `Bearer ${signedIn}`, 'accept-language': 'en' },
      payload: { currentPassword: 'Much-Stronger-42', newPassword: 'Much-Stronger-42' },
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().message).toContain('must differ from the current password');
    // Later test files sign this account in with the demo password (on PostgreSQL they share the database).
    await t.db.query(
      "UPDATE accounts SET password_hash = (SELECT password_hash FROM accounts WHERE username = 'street001.01') WHERE username = 'street002.02'",
    );
  });

  it('creates an administrator with a random password once, on a database without one', async () => {
    const first = await ensureAdministrator(t.db);
    expect(first?.password.length).toBeGreaterThanOrEqual(16);
    expect(await ensureAdministrator(t.db)).toBeNull();
    // An administrator must enrol in two-factor sign-in first: the session is limited to that.
    const admin = await login('admin', first!.password);
    expect(admin.statusCode).toBe(200);
    expect(admin.json().totpEnrollmentRequired).toBe(true);
    const [row] = await t.db.query<{ password_hash: string }>(
      "SELECT password_hash FROM accounts WHERE username = 'admin'",
    );
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    expect(row!.password_hash).not.toContain(first!.password);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
  });
});

describe('login rate limit', () => {
  it('throttles repeated login attempts from one address', async () => {
    const t = await startTestApp({ loginRateLimit: 3 });
    // The count is kept in the database per address and minute: an address of its own for this test.
    const attempt = (remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress,
        payload: { username: 'x', password: 'y' },
      });
    // Counts are per minute: start well inside one.
    const second = new Date().getSeconds();
    if (second >= 54) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt('198.51.100.77')).statusCode);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect((await attempt('198.51.100.77')).json().code).toBe('rate_limited');
    // Another address is not throttled by the first one.
    expect((await attempt('198.51.100.78')).statusCode).toBe(401);
    // One audit row for the refused burst, not one per refused request.
    const [rows] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'login.rate_limited'
          AND details->>'client' = '198.51.100.77'`,
    );
    expect(rows!.n).toBe(1);
    await t.close();
  });
});
