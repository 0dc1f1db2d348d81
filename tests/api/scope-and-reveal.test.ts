import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AreaNode, registryClient } from '../support/registry-client';
import { demoAccounts, startTestApp } from '../support/test-app';
import { testPii } from '../support/test-keys';

type Json = Record<string, unknown>;

describe('data scope by area, remit by department, audited reveals', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let worker: ReturnType<typeof registryClient>;
  let gridId: number;
  let outside: { residentId: number; addressId: number };

  beforeAll(async () => {
    t = await startTestApp();
    const account = (await demoAccounts(t.db)).find((a) => a.role === 'grid_worker')!;
    gridId = account.area_ids[0]!;
    worker = registryClient(t.app, await t.tokenFor(account.username));
    const [r] = await t.db.query<{ id: number }>(
      `SELECT id FROM residents WHERE grid_id <> ${gridId} LIMIT 1`,
    );
    const [a] = await t.db.query<{ id: number }>(
      `SELECT id FROM addresses WHERE grid_id <> ${gridId} LIMIT 1`,
    );
    outside = { residentId: r!.id, addressId: a!.id };
  });
  afterAll(() => t.close());

  it('shows a grid worker only the path to its grid in the area tree', async () => {
    const [district] = (await worker.get('/areas/tree')).body.roots as AreaNode[];
    const path = [district!, district!.children[0]!, district!.children[0]!.children[0]!];
    expect(path.map((n) => n.children.length)).toEqual([1, 1, 1]);
    expect(path[2]!.children[0]!.id).toBe(gridId);
  });

  it('lists, counts and finds only in-scope rows; other ids answer 404 like missing ones', async () => {
    const list = await worker.get('/registry/residents?limit=200');
    expect((list.body.items as Json[]).length).toBeGreaterThan(0);
    expect((list.body.items as Json[]).every((r) => r.gridId === gridId)).toBe(true);
    const tree = (await worker.get('/areas/tree')).body.roots as AreaNode[];
    const summary = (await worker.get(`/registry/summary?area=${tree[0]!.code}`)).body.counts as Record<
      string,
      number
    >;
    const [own] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM residents WHERE grid_id = ${gridId} AND archived_at IS NULL`,
    );
    expect(summary.residents).toBe(own!.n);
    expect(summary.grids).toBe(1);
    for (const url of [
      `/registry/residents/${outside.residentId}`,
      `/registry/residents/${outside.residentId}/history`,
    ]) {
      const res = await worker.get(url);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    expect(
      (await worker.patch(`/registry/residents/${outside.residentId}`, { relation: '其他' })).status,
    ).toBe(404);
    const search = await worker.get(`/registry/addresses?q=${encodeURIComponent('号')}&limit=200`);
    expect((search.body.items as Json[]).every((a) => a.gridId === gridId)).toBe(true);
  });

  it('refuses to create records outside the worker’s grid or under an out-of-scope parent', async () => {
    const houses = await worker.post('/registry/houses', {
      addressId: outside.addressId,
      unit: '9栋901',
      use: 'own',
      floorArea: 70,
    });
    expect(houses.status).toBe(422);
    expect(houses.body.field).toBe('addressId');
    const [other] = await t.db.query<{ centroid_lat: number; centroid_lng: number }>(
      `SELECT centroid_lat, centroid_lng FROM areas WHERE level = 'grid' AND id <> ${gridId} LIMIT 1`,
    );
    const address = await worker.post('/registry/addresses', {
      road: '越界路',
      houseNumber: '1号',
      lat: other!.centroid_lat,
      lng: other!.centroid_lng,
    });
    expect(address.status).toBe(422);
    expect(address.body.code).toBe('outside_your_area');
  });

  it('reveals a personal field to a role that may see it, with a reason, and audits it', async () => {
    const resident = (await worker.get('/registry/residents?limit=1')).body.items![0] as Json;
    expect(String(resident.idNumber)).toContain('********');
    const noReason = await worker.post(`/registry/residents/${resident.id}/reveal`, { field: 'idNumber' });
    expect(noReason.status).toBe(400);
    const res = await worker.post(`/registry/residents/${resident.id}/reveal`, {
      field: 'idNumber',
      reason: '上门核查身份',
    });
    expect(res.status).toBe(200);
    const [stored] = await t.db.query<{ id_number_enc: Uint8Array }>(
      `SELECT id_number_enc FROM residents WHERE id = ${resident.id}`,
    );
    const aad = { table: 'residents', column: 'id_number_enc', rowId: resident.id as number };
    expect(res.body.value).toBe(testPii.decrypt(Buffer.from(stored!.id_number_enc), aad));
    const [audit] = await t.db.query<{ action: string; object_id: string; details: Json }>(
      "SELECT action, object_id, details FROM audit_log WHERE action = 'personal.reveal' ORDER BY id DESC LIMIT 1",
    );
    expect(audit).toMatchObject({
      object_id: String(resident.id),
      details: { field: 'idNumber', reason: '上门核查身份' },
    });
    expect(
      (
        await worker.post(`/registry/residents/${outside.residentId}/reveal`, {
          field: 'phone',
          reason: '入户核查',
        })
      ).status,
    ).toBe(404);
  });

  it('keeps leaders read-only and without reveals, auditors out of the registry', async () => {
    const leader = registryClient(t.app, await t.tokenFor('leader001'));
    const id = (await leader.get('/registry/residents?limit=1')).body.items![0]!.id;
    expect(
      (await leader.post(`/registry/residents/${id}/reveal`, { field: 'idNumber', reason: '查看' })).status,
    ).toBe(403);
    expect((await leader.patch(`/registry/residents/${id}`, { relation: '其他' })).status).toBe(403);
    const auditor = registryClient(t.app, await t.tokenFor('auditor001'));
    expect((await auditor.get('/registry/residents')).status).toBe(403);
    expect((await auditor.get('/audit?limit=5')).status).toBe(200);
  });

  it('lets a department see only its remit, district-wide, and reveal only its fields', async () => {
    const accounts = await demoAccounts(t.db);
    const health = registryClient(
      t.app,
      await t.tokenFor(accounts.find((a) => a.department_code === 'health')!.username),
    );
    const transport = registryClient(
      t.app,
      await t.tokenFor(accounts.find((a) => a.department_code === 'transport')!.username),
    );
    expect((await transport.get('/registry/residents')).status).toBe(403);
    expect((await transport.get('/registry/enterprises')).status).toBe(200);
    const record = (await health.get('/registry/health-records?limit=1')).body.items![0] as Json;
    const conditions = await health.post(`/registry/health-records/${record.id}/reveal`, {
      field: 'conditions',
      reason: '慢病随访',
    });
    expect(conditions.status).toBe(200);
    expect(Array.isArray(conditions.body.value)).toBe(true);
    const resident = (await health.get('/registry/residents?limit=1')).body.items![0] as Json;
    expect(
      (await health.post(`/registry/residents/${resident.id}/reveal`, { field: 'idNumber', reason: '随访' }))
        .status,
    ).toBe(403);
    expect((await health.patch(`/registry/residents/${resident.id}`, { relation: '其他' })).status).toBe(403);
  });
});
