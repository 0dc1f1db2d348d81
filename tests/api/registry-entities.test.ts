import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../core/validation/uscc';
import { type AreaNode, freshIdNumber, registryClient, writeCounts } from '../support/registry-client';
import { startTestApp } from '../support/test-app';

type Json = Record<string, unknown>;
interface Fixtures {
  district: AreaNode;
  grid: AreaNode;
  community: AreaNode;
  point: { lat: number; lng: number };
  addressId: number;
  houseId: number;
  newResidentId: () => Promise<number>;
  branchId: number;
  committeeId: number;
  departmentId: number;
}

let serial = Date.now() % 1_000_000;
const unique = () => {
  serial += 1;
  return String(serial);
};
const uscc = (dept: string) => makeUscc(dept, '1', '440112', `T${unique().padStart(7, '0')}`.slice(0, 8));

/** For each entity: a valid create body, a valid change, a field with a wrong type, and its table. */
const CASES: Record<
  string,
  { table: string; create: (f: Fixtures) => Promise<Json> | Json; change: Json; wrongType: Json }
> = {
  addresses: {
    table: 'addresses',
    create: (f) => ({ road: '实体路', houseNumber: `${unique()}号`, ...f.point }),
    change: { houseNumber: '甲1号' },
    wrongType: { lat: 'north' },
  },
  houses: {
    table: 'houses',
    create: (f) => ({ addressId: f.addressId, unit: `${unique()}房`, use: 'vacant', floorArea: 50 }),
    change: { use: 'rented' },
    wrongType: { floorArea: 'big' },
  },
  residents: {
    table: 'residents',
    create: (f) => ({
      houseId: f.houseId,
      name: '孙丽',
      sex: 'F',
      householdType: 'registered',
      ethnicity: '汉族',
      relation: '子女',
      ...freshIdNumber('F'),
    }),
    change: { tags: ['elderly_alone'] },
    wrongType: { tags: 'elderly_alone' },
  },
  'health-records': {
    table: 'health_records',
    create: async (f) => ({
      residentId: await f.newResidentId(),
      conditions: ['hypertension'],
      chronicFocus: true,
    }),
    change: { chronicFocus: false },
    wrongType: { chronicFocus: 'yes' },
  },
  enterprises: {
    table: 'enterprises',
    create: (f) => ({
      addressId: f.addressId,
      name: `测试科技有限公司${unique()}`,
      uscc: uscc('9'),
      industry: 'manufacturing',
      hazardousChemicals: false,
      licenceStatus: 'licensed',
      employees: 12,
      legalRepresentative: '周杰',
    }),
    change: { licenceStatus: 'expired' },
    wrongType: { employees: 'many' },
  },
  'social-organisations': {
    table: 'social_organisations',
    create: (f) => ({
      addressId: f.addressId,
      name: `测试协会${unique()}`,
      uscc: uscc('5'),
      kind: 'social_group',
      registeredOn: '2015-03-01',
    }),
    change: { kind: 'foundation' },
    wrongType: { registeredOn: 20150301 },
  },
  'party-organisations': {
    table: 'party_organisations',
    create: (f) => ({
      areaCode: f.community.code,
      parentId: f.committeeId,
      name: `测试党支部${unique()}`,
      kind: 'branch',
      secretary: '吴敏',
    }),
    change: { secretary: '郑华' },
    wrongType: { parentId: 'top' },
  },
  'party-members': {
    table: 'party_members',
    create: async (f) => ({
      residentId: await f.newResidentId(),
      partyOrganisationId: f.branchId,
      joinedOn: '2010-07-01',
      status: 'full',
    }),
    change: { status: 'probationary' },
    wrongType: { joinedOn: true },
  },
  'party-studios': {
    table: 'party_studios',
    create: (f) => ({
      addressId: f.addressId,
      partyOrganisationId: f.branchId,
      name: `测试党员工作室${unique()}`,
      openedOn: '2019-05-04',
    }),
    change: { name: '改名工作室' },
    wrongType: { openedOn: 5 },
  },
  'service-facilities': {
    table: 'service_facilities',
    create: (f) => ({ name: `测试幼儿园${unique()}`, kind: 'kindergarten', capacity: 180, ...f.point }),
    change: { capacity: 200 },
    wrongType: { capacity: 'lots' },
  },
  departments: {
    table: 'departments',
    create: (f) => ({
      districtCode: f.district.code,
      code: `test_${unique()}`,
      name: `测试局${unique()}`,
      shortName: '测试局',
    }),
    change: { shortName: '测局' },
    wrongType: { name: 7 },
  },
  staff: {
    table: 'staff',
    create: (f) => ({
      areaCode: f.grid.code,
      name: '冯强',
      role: 'comprehensive_grid_worker',
      phone: '13900001111',
    }),
    change: { phone: null },
    wrongType: { role: 3 },
  },
};

describe('registry entities: create, read, change, archive, history, bad input', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let api: ReturnType<typeof registryClient>;
  let f: Fixtures;

  beforeAll(async () => {
    t = await startTestApp();
    api = registryClient(t.app, await t.tokenFor('centre001'));
    const district = (await api.tree())[0]!;
    const community = district.children[0]!.children[0]!;
    const grid = community.children[0]!;
    const point = (await api.get(`/areas/${grid.code}`)).body.centroid as Fixtures['point'];
    const houseId = await api.firstId('houses');
    const orgs = (await api.get('/registry/party-organisations?limit=200')).body.items as Json[];
    f = {
      district,
      community,
      grid,
      point,
      addressId: await api.firstId('addresses'),
      houseId,
      branchId: orgs.find((o) => o.kind === 'branch')!.id as number,
      committeeId: orgs.find((o) => o.kind === 'committee' && o.communityId !== null)!.id as number,
      departmentId: await api.firstId('departments'),
      async newResidentId() {
        const res = await api.post('/registry/residents', (await CASES.residents!.create(f)) as Json);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        return res.body.id as number;
      },
    };
  });
  afterAll(() => t.close());

  for (const [path, c] of Object.entries(CASES)) {
    it(`${path}: the whole life of a record`, async () => {
      const created = await api.post(`/registry/${path}`, await c.create(f));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = created.body.id as number;
      expect((await api.get(`/registry/${path}/${id}`)).body).toEqual(created.body);
      const changed = await api.patch(`/registry/${path}/${id}`, {
        ...c.change,
        version: created.body.version,
      });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body.version).toBe((created.body.version as number) + 1);
      const listed = await api.get(`/registry/${path}?limit=200&order=desc`);
      expect((listed.body.items as Json[]).map((r) => r.id)).toContain(id);
      const archived = await api.post(`/registry/${path}/${id}/archive`, {});
      expect(archived.status).toBe(200);
      const history = (await api.get(`/registry/${path}/${id}/history`)).body.items as Json[];
      expect(history.map((h) => h.action)).toEqual(['archive', 'update', 'create']);
    });

    it(`${path}: bad input is refused with a named field and nothing is written`, async () => {
      const valid = await c.create(f);
      const afterFixtures = await writeCounts(t.db, c.table);
      const attempts: [Json | string, number][] = [
        [{ ...valid, ...c.wrongType }, 400],
        [{ ...valid, unexpected: 'x' }, 400],
        [{}, 400],
      ];
      for (const [body, status] of attempts) {
        const res = await api.post(`/registry/${path}`, body);
        expect(res.status, JSON.stringify(res.body)).toBe(status);
        expect(typeof res.body.message).toBe('string');
        expect(res.body.field).toBeTruthy();
      }
      const id = await api.firstId(path);
      expect((await api.patch(`/registry/${path}/${id}`, {})).status).toBe(400);
      expect((await api.patch(`/registry/${path}/${id}`, c.wrongType)).status).toBe(400);
      expect(await writeCounts(t.db, c.table)).toEqual(afterFixtures);
    });

    it(`${path}: unknown ids answer 404`, async () => {
      expect((await api.get(`/registry/${path}/987654321`)).status).toBe(404);
      expect((await api.patch(`/registry/${path}/987654321`, c.change)).status).toBe(404);
      expect((await api.post(`/registry/${path}/987654321/archive`, {})).status).toBe(404);
    });
  }

  it('answers in English when asked', async () => {
    const body = { ...(await CASES.enterprises!.create(f)), uscc: '91350100M000100Y44' };
    const res = await api.call('POST', '/api/v1/registry/enterprises', body, { 'accept-language': 'en-GB' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ field: 'uscc' });
    expect(res.body.message).toMatch(/[a-z]/);
    const zh = await api.post('/registry/enterprises', {
      ...(await CASES.enterprises!.create(f)),
      uscc: '91350100M000100Y44',
    });
    expect(zh.body.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
