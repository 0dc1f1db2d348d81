import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AreaNode, freshIdNumber, registryClient, writeCounts } from '../support/registry-client';
import { startTestApp } from '../support/test-app';
import { testPii } from '../support/test-keys';

describe('registry: addresses → houses → residents', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let api: ReturnType<typeof registryClient>;
  let district: AreaNode;
  let gridCentroid: { lat: number; lng: number };
  let grid: AreaNode;

  beforeAll(async () => {
    t = await startTestApp();
    api = registryClient(t.app, await t.tokenFor('centre001'));
    district = (await api.tree())[0]!;
    grid = district.children[0]!.children[0]!.children[0]!;
    gridCentroid = (await api.get(`/areas/${grid.code}`)).body.centroid as typeof gridCentroid;
  });
  afterAll(() => t.close());

  const newAddress = async (number: string) => {
    const res = await api.post('/registry/addresses', {
      road: '测试路',
      houseNumber: number,
      ...gridCentroid,
    });
    expect(res.status).toBe(201);
    return res.body;
  };

  /** A valid body for a registered resident of `houseId` (head of household), with a fresh ID number. */
  const residentBody = (houseId: unknown, name: string, sex: 'M' | 'F') => {
    const { idNumber, birthDate } = freshIdNumber(sex);
    return {
      houseId,
      name,
      sex,
      birthDate,
      householdType: 'registered',
      idNumber,
      ethnicity: '汉族',
      relation: '本人',
    };
  };

  it('places a new address in the grid containing its point and keeps history', async () => {
    const address = await newAddress(`${Date.now() % 100000}号`);
    expect(address.gridId).toBe(grid.id);
    expect((address.area as { gridCode: string }).gridCode).toBe(grid.code);
    expect(address.fullText).toContain('测试路');
    const history = await api.get(`/registry/addresses/${address.id}/history`);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items![0]).toMatchObject({ action: 'create', source: 'api' });
  });

  it('creates a house and a resident, encrypting the ID number and phone', async () => {
    const address = await newAddress(`${(Date.now() % 100000) + 1}号`);
    const house = await api.post('/registry/houses', {
      addressId: address.id,
      unit: '1栋101房',
      use: 'rented',
      floorArea: 62.5,
    });
    expect(house.status).toBe(201);
    expect(house.body).toMatchObject({ gridId: grid.id, address: address.fullText });
    const body = residentBody(house.body.id, '李晓红', 'F');
    const { idNumber } = body;
    const created = await api.post('/registry/residents', {
      ...body,
      householdType: 'floating',
      permitExpiry: '2027-03-01',
      phone: '13812345678',
      tags: ['key_care'],
    });
    expect(created.status).toBe(201);
    expect(created.body.idNumber).toBe(`${idNumber.slice(0, 6)}************`);
    expect(created.body.phone).toBe('138****5678');
    expect(created.body.gridId).toBe(grid.id);
    const [stored] = await t.db.query<{ id_number_enc: Uint8Array; phone_enc: Uint8Array }>(
      `SELECT id_number_enc, phone_enc FROM residents WHERE id = ${created.body.id}`,
    );
    expect(Buffer.from(stored!.id_number_enc).toString('latin1')).not.toContain(idNumber.slice(0, 10));
    const aad = { table: 'residents', column: 'id_number_enc', rowId: created.body.id as number };
    expect(testPii.decrypt(Buffer.from(stored!.id_number_enc), aad)).toBe(idNumber);
    // exact search by ID number and by phone goes through the keyed hash
    const byId = await api.get(`/registry/residents?q=${idNumber}`);
    expect(byId.body.items!.map((r) => r.id)).toEqual([created.body.id]);
    const byPhone = await api.get(`/registry/residents?q=13812345678&houseId=${house.body.id}`);
    expect(byPhone.body.items!.map((r) => r.id)).toEqual([created.body.id]);
    const history = await api.get(`/registry/residents/${created.body.id}/history`);
    expect(JSON.stringify(history.body)).not.toContain(idNumber);
    expect(JSON.stringify(history.body)).not.toContain('13812345678');
  });

  it('refuses a wrong checksum, a birth date or sex that contradicts the ID number, and writes nothing', async () => {
    const base = residentBody(await api.firstId('houses'), '王强', 'M');
    const { idNumber } = base;
    const before = await writeCounts(t.db, 'residents');
    const wrongCheck = idNumber.slice(0, 17) + (idNumber[17] === '0' ? '1' : '0');
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, idNumber: wrongCheck }, 'idNumber'],
      [{ ...base, sex: 'F' }, 'sex'],
      [{ ...base, birthDate: '1990-01-01' }, 'birthDate'],
      [{ ...base, permitExpiry: '2027-01-01' }, 'permitExpiry'],
      [{ ...base, phone: '12345' }, 'phone'],
      [{ ...base, houseId: 99999999 }, 'houseId'],
      [{ ...base, tags: ['not_a_tag'] }, 'tags.0'],
      [{ ...base, extra: 1 }, 'extra'],
      [{ ...base, name: 'x'.repeat(51) }, 'name'],
      [{ ...base, sex: 3 }, 'sex'],
    ];
    for (const [body, field] of cases) {
      const res = await api.post('/registry/residents', body);
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.field).toBe(field);
      expect(String(res.body.message)).toContain(field.split('.')[0]);
    }
    expect(await writeCounts(t.db, 'residents')).toEqual(before);
  });

  it('answers a duplicate ID number with 409 naming the field', async () => {
    const body = residentBody(await api.firstId('houses'), '陈芳', 'F');
    const { idNumber } = body;
    expect((await api.post('/registry/residents', body)).status).toBe(201);
    const before = await writeCounts(t.db, 'residents');
    const again = await api.post('/registry/residents', { ...body, idNumber: idNumber.toLowerCase() });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'duplicate', field: 'idNumber' });
    expect(await writeCounts(t.db, 'residents')).toEqual(before);
  });

  it('stores SQL and HTML in text fields as given', async () => {
    const road = `'); DROP TABLE residents; -- <script>alert(1)</script>`;
    const res = await api.post('/registry/addresses', {
      road,
      houseNumber: `${Date.now() % 9999}号`,
      ...gridCentroid,
    });
    expect(res.status).toBe(201);
    expect((await api.get(`/registry/addresses/${res.body.id}`)).body.road).toBe(road);
    expect((await api.get('/registry/residents?limit=1')).status).toBe(200);
  });

  it('refuses malformed JSON, wrong content type and oversized bodies', async () => {
    const before = await writeCounts(t.db, 'addresses');
    const malformed = await api.call('POST', '/api/v1/registry/addresses', '{"road": ', {
      'content-type': 'application/json',
    });
    expect(malformed.status).toBe(400);
    const big = await api.post('/registry/addresses', {
      road: 'x'.repeat(300_000),
      houseNumber: '1',
      ...gridCentroid,
    });
    expect(big.status).toBe(413);
    const text = await api.call('POST', '/api/v1/registry/addresses', 'road=x', {
      'content-type': 'text/plain',
    });
    expect(text.status).toBe(415);
    expect(await writeCounts(t.db, 'addresses')).toEqual(before);
  });

  it('refuses a point outside the district with 422 and out-of-range coordinates with 400', async () => {
    const outside = await api.post('/registry/addresses', {
      road: '远方路',
      houseNumber: '1号',
      lat: 39.9,
      lng: 116.4,
    });
    expect(outside.status).toBe(422);
    expect(outside.body).toMatchObject({ code: 'outside_district', field: 'lat' });
    const range = await api.post('/registry/addresses', {
      road: '远方路',
      houseNumber: '1号',
      lat: 123,
      lng: 116.4,
    });
    expect(range.status).toBe(400);
    expect(range.body.field).toBe('lat');
  });

  it('moves houses and residents with their address, and blocks archiving an address with houses', async () => {
    const address = await newAddress(`${(Date.now() % 100000) + 2}号`);
    const house = await api.post('/registry/houses', {
      addressId: address.id,
      unit: '2栋201房',
      use: 'own',
      floorArea: 88,
    });
    const resident = await api.post('/registry/residents', residentBody(house.body.id, '赵磊', 'M'));
    const other = district.children[1]!.children[0]!.children[0]!;
    const to = (await api.get(`/areas/${other.code}`)).body.centroid as typeof gridCentroid;
    const moved = await api.patch(`/registry/addresses/${address.id}`, { ...to, version: address.version });
    expect(moved.status).toBe(200);
    expect(moved.body.gridId).toBe(other.id);
    expect((await api.get(`/registry/houses/${house.body.id}`)).body.gridId).toBe(other.id);
    expect((await api.get(`/registry/residents/${resident.body.id}`)).body.gridId).toBe(other.id);
    const stale = await api.patch(`/registry/addresses/${address.id}`, {
      road: '新路',
      version: address.version,
    });
    expect(stale.status).toBe(409);
    const blocked = await api.post(`/registry/addresses/${address.id}/archive`, {});
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('has_dependents');
  });

  it('archives, hides archived rows from lists, and refuses changes to them', async () => {
    const address = await newAddress(`${(Date.now() % 100000) + 3}号`);
    const archived = await api.post(`/registry/addresses/${address.id}/archive`, {});
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    const list = await api.get(
      `/registry/addresses?q=${encodeURIComponent(address.houseNumber as string)}&road=测试路`,
    );
    expect(list.body.items!.map((a) => a.id)).not.toContain(address.id);
    const all = await api.get(`/registry/addresses?road=测试路&includeArchived=true&limit=200`);
    expect(all.body.items!.map((a) => a.id)).toContain(address.id);
    expect((await api.patch(`/registry/addresses/${address.id}`, { road: '另一路' })).status).toBe(409);
  });

  it('answers 404 for a missing id and 400 for a malformed one', async () => {
    expect((await api.get('/registry/residents/99999999')).status).toBe(404);
    expect((await api.get('/registry/residents/abc')).status).toBe(400);
    expect((await api.patch('/registry/houses/99999999', { unit: 'x' })).status).toBe(404);
  });
});
