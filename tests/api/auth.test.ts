import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdministrator } from '../../server/modules/auth/first-start';
import { DEMO_PASSWORD } from '../../server/modules/seed/accounts';
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
    const res = await login('centre001', DEMO_PASSWORD);
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

  it('locks an account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < t.config.loginMaxFailures - 1; i++)
      expect((await login('leader002', 'bad-Password-1')).statusCode).toBe(401);
    const locking = await login('leader002', 'bad-Password-1');
    expect(locking.statusCode).toBe(429);
    expect(locking.json().code).toBe('account_locked');
    expect((await login('leader002', DEMO_PASSWORD)).statusCode).toBe(429);
    await t.db.query(
      "UPDATE accounts SET locked_until = now() - interval '1 second' WHERE username = 'leader002'",
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
    expect((await me()).statusCode).toBe(401);
    const second = await t.tokenFor('centre002');
    await t.db.query(
      "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = (SELECT max(id) FROM sessions)",
    );
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
    expect((await login('street002.02', 'Much-Stronger-42')).statusCode).toBe(200);
  });

  it('creates an administrator with a random password once, on a database without one', async () => {
    const first = await ensureAdministrator(t.db);
    expect(first?.password.length).toBeGreaterThanOrEqual(16);
    expect(await ensureAdministrator(t.db)).toBeNull();
    expect((await login('admin', first!.password)).statusCode).toBe(200);
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
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'x', password: 'y' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    await t.close();
  });
});
