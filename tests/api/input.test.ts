/**
 * No input gives a 500: one example per class of bad input (control characters, blank text, oversized
 * ids, impossible dates, forged cursors), each answered with a 4xx that names the field, writing nothing.
 * tests/api/fuzz.test.ts generates many more of each class for every route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/modules/auth';
import { freshIdNumber, registryClient, writeCounts } from '../support/registry-client';
import { startTestApp } from '../support/test-app';

type Json = Record<string, unknown>;

describe('input: one normalisation and shared bounds for every route', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let api: ReturnType<typeof registryClient>;
  let auditor: ReturnType<typeof registryClient>;
  let point: { lat: number; lng: number };
  let addressId: number;
  let houseId: number;
  let serial = Date.now() % 1_000_000;
  const plate = () => `${++serial}号`;

  beforeAll(async () => {
    t = await startTestApp();
    api = registryClient(t.app, await t.tokenFor('centre001'));
    auditor = registryClient(t.app, await t.tokenFor('auditor001'));
    const address = ((await api.get('/registry/addresses?limit=1')).body.items as Json[])[0]!;
    point = { lat: address.lat as number, lng: address.lng as number };
    addressId = address.id as number;
    houseId = await api.firstId('houses');
  });
  afterAll(() => t.close());

  /** A refused request: the status, the code, the field named, and no row or history written. */
  async function refused(
    send: () => Promise<{ status: number; body: Json }>,
    table: string,
    want: { status?: number; code?: string; field?: string },
  ) {
    const before = await writeCounts(t.db, table);
    const res = await send();
    expect(res.status, JSON.stringify(res.body)).toBe(want.status ?? 400);
    if (want.code) expect(res.body.code).toBe(want.code);
    if (want.field) expect(res.body.field).toBe(want.field);
    expect(String(res.body.message)).not.toMatch(/internal|内部错误/i);
    expect(await writeCounts(t.db, table)).toEqual(before);
    return res.body;
  }

  describe('control characters and broken Unicode', () => {
    it.each([
      ['NUL', '黄埔\u0000东路'],
      ['a newline', '黄埔\n东路'],
      ['DEL', '黄埔\u007f东路'],
      ['a C1 control', '黄埔\u0085东路'],
      ['an unpaired surrogate', '黄埔\ud800东路'],
    ])('refuses %s in a body text field, naming the field', async (_what, road) => {
      const body = await refused(
        () => api.post('/registry/addresses', { road, houseNumber: plate(), ...point }),
        'addresses',
        { code: 'invalid_characters', field: 'road' },
      );
      expect(body.message).toMatch(/road/);
    });

    it('refuses NUL in a query string, a filter and a path', async () => {
      const q = await api.get('/registry/residents?q=%E5%BC%A0%00');
      expect([q.status, q.body.code, q.body.field]).toEqual([400, 'invalid_characters', 'q']);
      const filter = await api.get('/registry/addresses?road=a%00b');
      expect([filter.status, filter.body.field]).toEqual([400, 'road']);
      const path = await api.get('/registry/houses/1%00');
      expect(path.status).toBe(400);
    });

    it('refuses NUL in a username and a password, and keeps passwords exact', async () => {
      const login = (username: string, password: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username, password, tokenType: 'bearer' },
        });
      const user = await login('centre\u0000002', DEMO_PASSWORD);
      expect([user.statusCode, user.json().field]).toEqual([400, 'username']);
      const pass = await login('centre002', `${DEMO_PASSWORD}\u0000`);
      expect([pass.statusCode, pass.json().field]).toEqual([400, 'password']);
      // Usernames are trimmed like any text; a password with a trailing space is another password.
      const spaced = await login(' leader002 ', DEMO_PASSWORD);
      expect(spaced.statusCode, spaced.body).toBe(200);
      expect((await login('leader003', `${DEMO_PASSWORD} `)).statusCode).toBe(401);
    });
  });

  describe('text is trimmed, NFC-normalised and never blank', () => {
    it.each([
      ['empty', ''],
      ['spaces', '   '],
      ['an ideographic space', '\u3000'],
      ['a no-break space', '\u00a0 '],
    ])('refuses a road that is %s', async (_what, road) => {
      await refused(
        () => api.post('/registry/addresses', { road, houseNumber: plate(), ...point }),
        'addresses',
        { code: 'invalid_request', field: 'road' },
      );
    });

    it('stores text trimmed and in NFC', async () => {
      const res = await api.post('/registry/addresses', {
        road: '  Cafe\u0301路 ',
        houseNumber: ` ${plate()}\u3000`,
        ...point,
      });
      expect(res.status).toBe(201);
      expect(res.body.road).toBe('Café路');
      expect(res.body.road).toBe('Café路'.normalize('NFC'));
      expect(String(res.body.houseNumber)).toMatch(/^\d+号$/);
    });

    it('treats a blank query parameter as absent', async () => {
      const res = await api.get('/registry/addresses?q=%20%20&limit=1');
      expect(res.status).toBe(200);
      expect((res.body.items as Json[]).length).toBe(1);
    });
  });

  describe('ids are integers 1..2147483647 everywhere', () => {
    it('in a body reference', async () => {
      await refused(
        () =>
          api.post('/registry/houses', {
            addressId: 2147483648,
            unit: '1房',
            use: 'vacant',
            floorArea: 50,
          }),
        'houses',
        { code: 'invalid_request', field: 'addressId' },
      );
      await refused(
        () => api.post('/registry/houses', { addressId: 0, unit: '1房', use: 'vacant', floorArea: 50 }),
        'houses',
        { field: 'addressId' },
      );
    });

    it('in a path, a filter, a version and a filter without its own bound', async () => {
      expect((await api.get('/registry/houses/2147483648')).status).toBe(400);
      expect((await api.get('/registry/houses/99999999999999999999')).status).toBe(400);
      expect((await api.get('/registry/houses/2147483647')).status).toBe(404);
      const filter = await api.get('/registry/houses?addressId=2147483648');
      expect([filter.status, filter.body.field]).toEqual([400, 'addressId']);
      const residents = await api.get('/registry/residents?houseId=9999999999');
      expect([residents.status, residents.body.field]).toEqual([400, 'houseId']);
      await refused(() => api.patch(`/registry/addresses/${addressId}`, { version: 2 ** 40 }), 'addresses', {
        field: 'version',
      });
      const audit = await auditor.get('/audit?actorId=2147483648');
      expect(audit.status).toBe(400);
    });
  });

  describe('dates are real calendar dates in 1900-01-01..2100-12-31', () => {
    it.each(['0000-01-01', '1899-12-31', '2101-01-01', '2023-02-29', '2024-13-01', '99999-01-01'])(
      'refuses %s',
      async (date) => {
        const { idNumber } = freshIdNumber('F');
        await refused(
          () =>
            api.post('/registry/residents', {
              houseId,
              name: '日期测试',
              sex: 'F',
              birthDate: date,
              householdType: 'registered',
              idNumber,
              ethnicity: '汉族',
              relation: '子女',
            }),
          'residents',
          { field: 'birthDate' },
        );
      },
    );

    it('refuses an audit range outside the supported dates', async () => {
      const res = await auditor.get('/audit?from=0000-01-01T00:00:00Z');
      expect([res.status, res.body.field]).toEqual([400, 'from']);
    });
  });

  describe('cursors are sealed and bound to their list', () => {
    const page = async (url: string) => {
      const res = await api.get(url);
      expect(res.status).toBe(200);
      return res.body.nextCursor as string;
    };

    it('pages with the cursor it issued and hides the sort value', async () => {
      const cursor = await page('/registry/residents?sort=birthMonth&limit=2');
      const first = (await api.get('/registry/residents?sort=birthMonth&limit=2')).body.items as Json[];
      const next = await api.get(`/registry/residents?sort=birthMonth&limit=2&cursor=${cursor}`);
      expect(next.status).toBe(200);
      expect((next.body.items as Json[])[0]!.id).not.toBe(first[1]!.id);
      const opened = Buffer.from(cursor, 'base64url').toString('latin1');
      expect(opened).not.toContain(String(first[1]!.birthMonth));
      expect(opened).not.toContain(String(first[1]!.id));
    });

    it('refuses garbage, tampered and foreign cursors with invalid_cursor', async () => {
      const cursor = await page('/registry/residents?sort=name&limit=2');
      const flipped = `${cursor.slice(0, 20)}${cursor[20] === 'A' ? 'B' : 'A'}${cursor.slice(21)}`;
      const forged = Buffer.from(JSON.stringify(['x', 1])).toString('base64url');
      const oldStyle = Buffer.from(JSON.stringify([99999999999, 1])).toString('base64url');
      const attempts = [
        `/registry/residents?sort=name&limit=2&cursor=${flipped}`,
        `/registry/residents?sort=name&limit=2&cursor=${forged}`,
        `/registry/residents?sort=birthMonth&limit=2&cursor=${oldStyle}`,
        `/registry/residents?sort=name&limit=2&cursor=%E2%82%AC%E2%82%AC`,
        `/registry/residents?sort=birthMonth&limit=2&cursor=${cursor}`,
        `/registry/residents?sort=name&order=desc&limit=2&cursor=${cursor}`,
        `/registry/residents?sort=name&sex=F&limit=2&cursor=${cursor}`,
        `/registry/staff?sort=name&limit=2&cursor=${cursor}`,
        `/registry/houses?limit=2&cursor=${cursor}`,
      ];
      for (const url of attempts) {
        const res = await api.get(url);
        expect([res.status, res.body.code, res.body.field], url).toEqual([400, 'invalid_cursor', 'cursor']);
      }
      // Only the page size may change between pages.
      expect((await api.get(`/registry/residents?sort=name&limit=5&cursor=${cursor}`)).status).toBe(200);
    });
  });
});
