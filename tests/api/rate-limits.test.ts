import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { testConfig } from '../../server/config';
import { demoBearerToken } from '../support/demo-login';
import { demoAccounts, startTestApp } from '../support/test-app';
import { testPii } from '../support/test-keys';

/** Requests per minute for each budget in this file: small, so that budgets run out quickly. */
const LIMIT = 3;

describe('rate limits: per account when signed in, per address otherwise', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  /** Signs accounts in (logins count against their address's budget; the tokens work on both apps). */
  let signIn: FastifyInstance;
  let usernames: string[];
  beforeAll(async () => {
    t = await startTestApp({ apiRateLimit: LIMIT });
    signIn = await buildApp({ config: testConfig(), db: t.db, pii: testPii, logger: false });
    usernames = (await demoAccounts(t.db))
      .filter((a) => a.role !== 'admin' && a.role !== 'auditor')
      .map((a) => a.username);
  });
  afterAll(async () => {
    await signIn.close();
    await t.close();
  });
  const tokenFor = (username: string) => demoBearerToken(signIn, t.db, username);

  const me = (token: string, remoteAddress: string) =>
    t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
      remoteAddress,
    });

  it('gives forty accounts behind one address (a street office behind NAT) a budget each', async () => {
    expect(usernames.length).toBeGreaterThanOrEqual(41);
    const office = usernames.slice(0, 40);
    const tokens = await Promise.all(office.map((u) => tokenFor(u)));
    for (let round = 0; round < LIMIT; round++) {
      const statuses = await Promise.all(tokens.map((token) => me(token, '10.40.0.1')));
      // 40 × LIMIT requests from one address: far past any one budget, yet every one answers.
      expect(statuses.map((r) => r.statusCode)).toEqual(office.map(() => 200));
    }
    const over = await me(tokens[7]!, '10.40.0.1');
    expect(over.statusCode).toBe(429);
    expect(over.json().code).toBe('rate_limited');
  });

  it('gives one account one budget, from however many addresses', async () => {
    const token = await tokenFor(usernames[40]!);
    const addresses = ['10.50.0.1', '10.60.0.2'];
    for (let i = 0; i < LIMIT; i++) expect((await me(token, addresses[i % 2]!)).statusCode).toBe(200);
    for (const address of addresses) expect((await me(token, address)).statusCode).toBe(429);
  });

  it('limits anonymous requests per address', async () => {
    const health = (remoteAddress: string) => t.app.inject({ method: 'GET', url: '/healthz', remoteAddress });
    for (let i = 0; i < LIMIT; i++) expect((await health('10.70.0.1')).statusCode).toBe(200);
    expect((await health('10.70.0.1')).statusCode).toBe(429);
    expect((await health('10.70.0.2')).statusCode).toBe(200);
  });
});
