/**
 * Logs never carry personal data: requests that fail in validation, in a domain rule and in the database
 * layer (a real failing query whose parameters are personal values) are run against the real app with
 * its log captured, and the log is searched for every personal value sent.
 */
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { testConfig } from '../../server/config';
import type { Database } from '../../server/db/client';
import { residents } from '../../server/db/schema';
import { demoBearerToken } from '../support/demo-login';
import { openTestDatabase } from '../support/test-app';
import { testPii } from '../support/test-keys';

type Json = Record<string, unknown>;

const PERSON = {
  name: '欧阳泄露',
  idNumber: '11010519491231002X',
  phone: '13912345678',
  birthDate: '1949-12-31',
};
const SECRET_VALUES = [PERSON.name, PERSON.idNumber, PERSON.phone, PERSON.birthDate, '19491231', '5678'];

describe('logs carry no personal data', () => {
  let db: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let token: string;
  const lines: string[] = [];
  const log = () => lines.join('');
  const entries = () => lines.map((l) => JSON.parse(l) as Json);

  beforeAll(async () => {
    db = await openTestDatabase();
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const config = testConfig({ webDist: '/nonexistent', logLevel: 'info' });
    app = await buildApp({ config, db, pii: testPii, logger: { level: 'info', stream } });
    // Outside /api/: routes that fail in the database layer the way a registry write would, with personal
    // values as query parameters (a foreign-key violation: 500; a value PostgreSQL cannot read: 400).
    app.get('/test-only/failing-insert', async () => {
      await db.orm.insert(residents).values({
        houseId: 2147483647,
        name: PERSON.name,
        sex: 'F',
        birthDate: PERSON.birthDate,
        idNumberMasked: PERSON.idNumber,
      } as never);
    });
    app.get('/test-only/unreadable-value', async () => {
      await db.orm.execute(sql`SELECT ${PERSON.name + PERSON.phone}::integer AS n`);
    });
    await app.ready();
    token = await demoBearerToken(app, db, 'centre001');
    lines.length = 0;
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const call = async (method: 'GET' | 'POST', url: string, payload?: Json) => {
    const res = await app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
    return res.statusCode;
  };

  it('keeps validation, rule and database failures out of the log except for their code and route', async () => {
    const houseId = (
      await db.query<{ id: number }>('SELECT id FROM houses WHERE archived_at IS NULL LIMIT 1')
    )[0]!.id;
    const resident = (overrides: Json) => ({
      houseId,
      name: PERSON.name,
      sex: 'F',
      birthDate: PERSON.birthDate,
      householdType: 'registered',
      idNumber: PERSON.idNumber,
      phone: PERSON.phone,
      ethnicity: '汉族',
      relation: '本人',
      ...overrides,
    });
    const statuses = [
      // Validation: a bad date, an unknown field, a control character beside personal values.
      await call('POST', '/api/v1/registry/residents', resident({ birthDate: '0000-01-01' })),
      await call('POST', '/api/v1/registry/residents', resident({ nickname: PERSON.name })),
      await call('POST', '/api/v1/registry/residents', resident({ name: `${PERSON.name}\u0000` })),
      // A domain rule whose message quotes a value (the ID number's birth date against another one).
      await call('POST', '/api/v1/registry/residents', resident({ birthDate: '1950-01-01' })),
      // Searches: names and ID numbers travel in the query string.
      await call('GET', `/api/v1/registry/residents?q=${encodeURIComponent(PERSON.name)}`),
      await call('GET', `/api/v1/registry/residents?q=${PERSON.idNumber}&limit=0`),
      await call('GET', `/api/v1/registry/residents?q=${PERSON.phone}\u0000`),
      // The database layer.
      await call('GET', '/test-only/failing-insert'),
      await call('GET', '/test-only/unreadable-value'),
    ];
    expect(statuses.slice(0, 4).every((s) => s >= 400 && s < 500)).toBe(true);
    expect(statuses.slice(7)).toEqual([500, 400]);

    const text = log();
    expect(text.length).toBeGreaterThan(1000);
    for (const value of SECRET_VALUES) expect(text, `log holds ${value}`).not.toContain(value);
    expect(text).not.toMatch(/Failed query|params:|insert into|"query"|"params"|"detail"|"body"/i);

    // What an operator needs is there: request id, route, code; the database's own code for faults.
    const faults = entries().filter((e) => e.code === 'internal' || e.code === 'invalid_value');
    expect(faults).toHaveLength(2);
    for (const f of faults) {
      expect(f.reqId).toMatch(/^[0-9a-f-]{36}$/);
      expect(String(f.route)).toMatch(/^GET \/test-only\//);
      expect(f.stack).toMatch(/\n\s+at /);
    }
    expect(faults.map((f) => [f.level, String(f.pgCode).slice(0, 2)])).toEqual([
      [50, '23'], // a constraint violation: the server's fault, 500
      [40, '22'], // a value PostgreSQL cannot read: the caller's, 400
    ]);
    const refusals = entries().filter((e) => e.code === 'invalid_request' || e.code === 'invalid_characters');
    expect(refusals.length).toBeGreaterThanOrEqual(3);
  });
});
