import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { testConfig } from '../../server/config';
import type { Database } from '../../server/db/client';
import { SessionCache } from '../../server/modules/auth';
import { openTestDatabase, startTestApp } from '../support/test-app';
import { testPii } from '../support/test-keys';

/**
 * Two apps stand for two server processes. On PostgreSQL each has its own database handle (own pool, own
 * LISTEN connection) on the same database, exactly like two processes; PGlite is one in-process database,
 * so there both apps share its one handle.
 */
describe('session look-ups are cached, and ending a session takes effect at once everywhere', () => {
  let a: Awaited<ReturnType<typeof startTestApp>>;
  let secondDb: Database;
  let b: FastifyInstance;
  /** Session queries each database handle ran (the handles are real; this only counts calls). */
  const sessionQueries = new Map<Database, number>();

  beforeAll(async () => {
    a = await startTestApp();
    secondDb = a.db.engine === 'postgres' ? await openTestDatabase() : a.db;
    const counted = (db: Database): Database => ({
      ...db,
      query(text, params) {
        if (typeof text === 'string' && text.includes('FROM sessions'))
          sessionQueries.set(db, (sessionQueries.get(db) ?? 0) + 1);
        return db.query(text, params);
      },
    });
    b = await buildApp({
      config: testConfig({ webDist: '/nonexistent' }),
      db: counted(secondDb),
      pii: testPii,
      logger: false,
    });
    await b.ready();
  });
  afterAll(async () => {
    await b.close();
    if (secondDb !== a.db) await secondDb.close();
    await a.close();
  });

  const me = (app: FastifyInstance, token: string) =>
    app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });

  it('asks the database who the caller is once, not on every request', async () => {
    const token = await a.tokenFor('leader001');
    const before = sessionQueries.get(secondDb) ?? 0;
    for (let i = 0; i < 20; i++) expect((await me(b, token)).statusCode).toBe(200);
    expect((sessionQueries.get(secondDb) ?? 0) - before).toBe(1);
  });

  it('refuses a signed-out session on the other process at once', async () => {
    for (let round = 0; round < 5; round++) {
      const token = await a.tokenFor('leader002');
      expect((await me(b, token)).statusCode).toBe(200); // now cached on b
      const out = await a.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(out.statusCode).toBe(204);
      expect((await me(b, token)).statusCode).toBe(401);
      expect((await me(a.app, token)).statusCode).toBe(401);
    }
  });

  it("ends an account's other sessions on every process at once when its password changes", async () => {
    const [saved] = await a.db.query<{ username: string; password_hash: string }>(
      "SELECT username, password_hash FROM accounts WHERE role = 'grid_worker' ORDER BY username DESC LIMIT 1",
    );
    const username = saved!.username;
    try {
      const kept = await a.tokenFor(username);
      const other = await a.tokenFor(username);
      expect((await me(b, other)).statusCode).toBe(200);
      const change = await a.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { authorization: `Bearer ${kept}` },
        payload: { currentPassword: 'Huangpu#2013', newPassword: 'Another-Secret-42' },
      });
      expect(change.statusCode).toBe(204);
      expect((await me(b, other)).statusCode).toBe(401);
      expect((await me(b, kept)).statusCode).toBe(200);
    } finally {
      // Later test files sign this account in with the demo password (PostgreSQL shares the database).
      await a.db.query('UPDATE accounts SET password_hash = $1 WHERE username = $2', [
        saved!.password_hash,
        username,
      ]);
    }
  });
});

describe('SessionCache', () => {
  const entry = { value: 'x', sessionId: 1, accountId: 7, expiresAt: Date.now() + 3_600_000 };

  it('caches nothing while it cannot hear of changes', () => {
    const cache = new SessionCache<string>();
    cache.set('k', entry, cache.changeCount);
    expect(cache.get('k')).toBeNull();
    cache.setListening(true);
    cache.set('k', entry, cache.changeCount);
    expect(cache.get('k')).toBe('x');
    cache.setListening(false); // connection lost: what it holds may be stale
    expect(cache.get('k')).toBeNull();
  });

  it('forgets by session, by account, or everything', () => {
    const cache = new SessionCache<string>();
    cache.setListening(true);
    cache.set('k1', entry, cache.changeCount);
    cache.set('k2', { ...entry, sessionId: 2 }, cache.changeCount);
    cache.set('k3', { ...entry, sessionId: 3, accountId: 8 }, cache.changeCount);
    cache.forget('s:1');
    expect([cache.get('k1'), cache.get('k2'), cache.get('k3')]).toEqual([null, 'x', 'x']);
    cache.forget('a:7');
    expect([cache.get('k2'), cache.get('k3')]).toEqual([null, 'x']);
    cache.forget('*');
    expect(cache.size).toBe(0);
  });

  it('does not keep what a look-up read before a change it then heard of (a sign-out racing a request)', () => {
    const cache = new SessionCache<string>();
    cache.setListening(true);
    const before = cache.changeCount; // the request starts reading the session…
    cache.forget('s:1'); // …the sign-out commits and is heard…
    cache.set('k', entry, before); // …and the request's stale answer must not be cached
    expect(cache.get('k')).toBeNull();
  });

  it('trusts an entry for at most a minute, and never past its session’s expiry', () => {
    const cache = new SessionCache<string>();
    cache.setListening(true);
    const now = Date.now();
    cache.set('k', entry, cache.changeCount);
    expect(cache.get('k', now + 59_000)).toBe('x');
    expect(cache.get('k', now + 61_000)).toBeNull();
    cache.set('soon', { ...entry, expiresAt: now + 1_000 }, cache.changeCount);
    expect(cache.get('soon', now + 2_000)).toBeNull();
  });
});
