import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AreaNode, registryClient } from '../support/registry-client';
import { startTestApp } from '../support/test-app';

type Item = Record<string, unknown> & { id: number };

describe('registry lists: area scope, keyset paging, sorting, search', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let api: ReturnType<typeof registryClient>;
  let district: AreaNode;

  beforeAll(async () => {
    t = await startTestApp();
    api = registryClient(t.app, await t.tokenFor('centre001'));
    district = (await api.tree())[0]!;
  });
  afterAll(() => t.close());

  const all = async (url: string) => {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const sep = url.includes('?') ? '&' : '?';
      const res = await api.get(`${url}${sep}limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      items.push(...(res.body.items as Item[]));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    return items;
  };

  it('pages through every row once, in order, with keyset cursors', async () => {
    const street = district.children[0]!;
    const rows = await all(`/registry/houses?area=${street.code}`);
    expect(rows.length).toBeGreaterThan(50);
    const ids = rows.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    expect(rows.every((r) => r.streetId === street.id)).toBe(true);
  });

  it('limits a list to the area subtree at every level', async () => {
    const community = district.children[1]!.children[0]!;
    const grid = community.children[0]!;
    const inCommunity = await all(`/registry/residents?area=${community.code}`);
    const inGrid = await all(`/registry/residents?area=${grid.code}`);
    expect(inCommunity.every((r) => r.communityId === community.id)).toBe(true);
    expect(inGrid.every((r) => r.gridId === grid.id)).toBe(true);
    expect(inGrid.length).toBeGreaterThan(0);
    expect(inGrid.length).toBeLessThan(inCommunity.length);
  });

  it('sorts by an allowed field in both directions and pages stably', async () => {
    const asc = await all('/registry/residents?sort=name&order=asc');
    const names = asc.map((r) => r.name as string);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const desc = await api.get('/registry/residents?sort=birthMonth&order=desc&limit=5');
    const dates = (desc.body.items as Item[]).map((r) => r.birthMonth as string);
    expect(dates).toEqual([...dates].sort().reverse());
    expect((await api.get('/registry/residents?sort=idNumber')).status).toBe(400);
  });

  it('filters by declared fields and rejects unknown ones', async () => {
    const floating = await api.get('/registry/residents?householdType=floating&limit=50');
    expect((floating.body.items as Item[]).every((r) => r.householdType === 'floating')).toBe(true);
    const rented = await api.get('/registry/houses?use=rented&limit=50');
    expect((rented.body.items as Item[]).every((r) => r.use === 'rented')).toBe(true);
    const unknown = await api.get('/registry/houses?colour=red');
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('colour');
    expect((await api.get('/registry/houses?use=palace')).status).toBe(400);
    expect((await api.get('/registry/houses?limit=1000')).status).toBe(400);
    expect((await api.get('/registry/houses?cursor=bogus')).status).toBe(400);
    expect((await api.get('/registry/houses?area=440112999999999')).status).toBe(404);
  });

  it('searches residents by name prefix and addresses by any part of their text', async () => {
    const someone = (await api.get('/registry/residents?limit=1')).body.items![0] as Item;
    const surname = (someone.name as string).slice(0, 1);
    const byName = await all(`/registry/residents?q=${encodeURIComponent(surname)}`);
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((r) => (r.name as string).startsWith(surname))).toBe(true);
    const address = (await api.get('/registry/addresses?limit=1')).body.items![0] as Item;
    const part = (address.road as string) + (address.houseNumber as string);
    const found = await all(`/registry/addresses?q=${encodeURIComponent(part)}`);
    expect(found.map((a) => a.id)).toContain(address.id);
    expect(found.every((a) => (a.fullText as string).includes(part))).toBe(true);
    const none = await api.get(`/registry/addresses?q=${encodeURIComponent('不存在的路名九九九')}`);
    expect(none.body.items).toEqual([]);
    const wildcard = await api.get('/registry/addresses?q=%25');
    expect(wildcard.body.items).toEqual([]);
  });

  it('summarises an area subtree from the rollup, consistent with the lists', async () => {
    const street = district.children[0]!;
    const res = await api.get(`/registry/summary?area=${street.code}`);
    expect(res.status).toBe(200);
    const counts = res.body.counts as Record<string, number>;
    expect(counts.streets).toBe(1);
    expect(counts.communities).toBe(street.children.length);
    expect(counts.grids).toBe(street.children.flatMap((c) => c.children).length);
    expect(counts.houses).toBe((await all(`/registry/houses?area=${street.code}`)).length);
    expect(counts.floatingResidents).toBeLessThanOrEqual(counts.residents!);
    const whole = (await api.get(`/registry/summary?area=${district.code}`)).body.counts as Record<
      string,
      number
    >;
    expect(whole.residents).toBeGreaterThan(counts.residents!);
    expect((await api.get('/registry/summary')).status).toBe(400);
  });

  it('keeps the rollup equal to a full recount after writes', async () => {
    const grid = district.children[0]!.children[0]!.children[0]!;
    const centroid = (await api.get(`/areas/${grid.code}`)).body.centroid as { lat: number; lng: number };
    const before = (await api.get(`/registry/summary?area=${grid.code}`)).body.counts as Record<
      string,
      number
    >;
    const made = await api.post('/registry/addresses', {
      road: '汇总路',
      houseNumber: `${Date.now() % 99999}号`,
      ...centroid,
    });
    expect(made.status).toBe(201);
    const after = (await api.get(`/registry/summary?area=${grid.code}`)).body.counts as Record<
      string,
      number
    >;
    expect(after.addresses).toBe(before.addresses! + 1);
    const [recount] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM addresses WHERE grid_id = ${grid.id} AND archived_at IS NULL`,
    );
    expect(after.addresses).toBe(recount!.n);
  });
});
