import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaLevel } from '../../core/areas/area-code';
import { AREA_TABLE_COLUMN } from '../../server/modules/areas';
import { checkAreaCounts, METRICS, refreshAllAreaCounts } from '../../server/modules/registry';
import { type AreaNode, freshIdNumber, registryClient } from '../support/registry-client';
import { startTestApp } from '../support/test-app';

type Json = Record<string, unknown>;

/** A small deterministic generator (mulberry32), so that a failing sequence can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('area_counts kept by deltas', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let api: ReturnType<typeof registryClient>;
  let district: AreaNode;
  let grids: { node: AreaNode; point: { lat: number; lng: number } }[];
  const run = Date.now().toString(36);

  beforeAll(async () => {
    t = await startTestApp();
    api = registryClient(t.app, await t.tokenFor('centre001'));
    district = (await api.tree())[0]!;
    const nodes = [
      district.children[0]!.children[0]!.children[0]!,
      district.children[0]!.children[0]!.children[1] ?? district.children[0]!.children[1]!.children[0]!,
      district.children[1]!.children[0]!.children[0]!,
    ];
    grids = [];
    for (const node of nodes) {
      grids.push({
        node,
        point: (await api.get(`/areas/${node.code}`)).body.centroid as { lat: number; lng: number },
      });
    }
  });
  afterAll(() => t.close());

  /** Each metric of an area's subtree counted from the tables, as the summary must report it. */
  async function recount(area: AreaNode): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const [metric, m] of Object.entries(METRICS)) {
      const where = ['t.archived_at IS NULL', m.where].filter(Boolean).join(' AND ');
      const [row] = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${m.table} t
           JOIN areas a ON a.id = coalesce(t.grid_id, t.community_id, t.street_id, t.district_id)
          WHERE a.${AREA_TABLE_COLUMN[area.level as AreaLevel]} = $1 AND ${where}`,
        [area.id],
      );
      counts[metric] = row!.n;
    }
    return counts;
  }

  async function expectSummaryToMatch(area: AreaNode) {
    const summary = await api.get(`/registry/summary?area=${area.code}`);
    expect(summary.status).toBe(200);
    const counts = summary.body.counts as Record<string, number | null>;
    const actual = await recount(area);
    for (const metric of Object.keys(METRICS))
      expect(counts[metric], `${area.code} ${metric}`).toBe(actual[metric]);
  }

  const storedCounts = async () =>
    JSON.stringify(await t.db.query('SELECT area_id, metric, n FROM area_counts ORDER BY area_id, metric'));

  const ok = (res: { status: number; body: Json }, statuses = [200, 201]) => {
    expect(statuses, JSON.stringify(res.body)).toContain(res.status);
    return res.body;
  };

  it('after a random sequence of creates, moves, condition changes and archives, the counts agree', async () => {
    const next = random(7);
    const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
    const addresses: number[] = [];
    const houses: number[] = [];
    const residents: { id: number; floating: boolean; record: number | null }[] = [];
    const records: { id: number; chronic: boolean }[] = [];
    const newAddress = async () => {
      const g = pick(grids);
      const body = ok(
        await api.post('/registry/addresses', {
          road: `汇总路${run}`,
          houseNumber: `${addresses.length + 1}号`,
          ...g.point,
        }),
      );
      addresses.push(body.id as number);
    };
    const newHouse = async () => {
      const body = ok(
        await api.post('/registry/houses', {
          addressId: pick(addresses),
          unit: `${houses.length + 1}房`,
          use: 'own',
          floorArea: 70,
        }),
      );
      houses.push(body.id as number);
    };
    const newResident = async () => {
      const floating = next() < 0.5;
      const body = ok(
        await api.post('/registry/residents', {
          houseId: pick(houses),
          name: '钱多',
          sex: 'F',
          householdType: floating ? 'floating' : 'registered',
          ethnicity: '汉族',
          relation: '本人',
          ...freshIdNumber('F'),
        }),
      );
      residents.push({ id: body.id as number, floating, record: null });
    };
    await newAddress();
    await newHouse();
    await newResident();
    const steps: (() => Promise<unknown>)[] = [
      newAddress,
      newHouse,
      newResident,
      async () => {
        const r = residents.find((x) => x.record === null);
        if (!r) return;
        const chronic = next() < 0.5;
        const body = ok(
          await api.post('/registry/health-records', {
            residentId: r.id,
            conditions: ['diabetes'],
            chronicFocus: chronic,
          }),
        );
        r.record = body.id as number;
        records.push({ id: r.record, chronic });
      },
      async () => {
        if (residents.length === 0) return;
        const r = pick(residents);
        r.floating = !r.floating;
        const change = r.floating
          ? { householdType: 'floating' }
          : { householdType: 'registered', permitExpiry: null };
        ok(await api.patch(`/registry/residents/${r.id}`, change));
      },
      async () => {
        if (records.length === 0) return;
        const h = pick(records);
        h.chronic = !h.chronic;
        ok(await api.patch(`/registry/health-records/${h.id}`, { chronicFocus: h.chronic }));
      },
      // A move of an address takes its houses, their residents and health records along.
      async () => ok(await api.patch(`/registry/addresses/${pick(addresses)}`, pick(grids).point)),
      async () => ok(await api.patch(`/registry/houses/${pick(houses)}`, { addressId: pick(addresses) })),
      async () => ok(await api.patch(`/registry/houses/${pick(houses)}`, { use: 'rented' })),
      async () => {
        if (residents.length === 0) return;
        const r = pick(residents);
        if (r.record === null) {
          ok(await api.post(`/registry/residents/${r.id}/archive`, {}));
          residents.splice(residents.indexOf(r), 1);
          return;
        }
        const index = records.findIndex((x) => x.id === r.record);
        ok(await api.post(`/registry/health-records/${r.record}/archive`, {}));
        records.splice(index, 1);
        r.record = null;
      },
    ];
    for (let i = 0; i < 60; i++) await pick(steps)();
    expect(await checkAreaCounts(t.db)).toEqual([]);
    await expectSummaryToMatch(district);
    await expectSummaryToMatch(district.children[0]!);
    for (const g of grids) await expectSummaryToMatch(g.node);
  });

  it('20 concurrent creates in one grid all count, each in its own transaction', async () => {
    const grid = grids[0]!;
    const address = ok(
      await api.post('/registry/addresses', { road: `并发路${run}`, houseNumber: '1号', ...grid.point }),
    );
    const stored = async () =>
      (
        await t.db.query<{ n: number }>(
          `SELECT coalesce(sum(n), 0)::int AS n FROM area_counts WHERE area_id = $1 AND metric = 'houses'`,
          [grid.node.id],
        )
      )[0]!.n;
    const before = await stored();
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.post('/registry/houses', {
          addressId: address.id,
          unit: `${i + 1}房`,
          use: 'vacant',
          floorArea: 40,
        }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(await stored()).toBe(before + 20);
    expect(await checkAreaCounts(t.db)).toEqual([]);
  });

  it('a full recount while writers add deltas leaves the counts exact', async () => {
    const grid = grids[2]!;
    const address = ok(
      await api.post('/registry/addresses', { road: `重算路${run}`, houseNumber: '1号', ...grid.point }),
    );
    const writes = Array.from({ length: 10 }, (_, i) =>
      api.post('/registry/houses', { addressId: address.id, unit: `${i + 1}房`, use: 'own', floorArea: 45 }),
    );
    await Promise.all([...writes.slice(0, 5), refreshAllAreaCounts(t.db), ...writes.slice(5)]);
    for (const res of await Promise.all(writes)) expect(res.status).toBe(201);
    expect(await checkAreaCounts(t.db)).toEqual([]);
  });

  it('a refused write leaves the counts as they were, and a change outside any metric writes no count', async () => {
    const grid = grids[1]!;
    const address = ok(
      await api.post('/registry/addresses', { road: `重复路${run}`, houseNumber: '1号', ...grid.point }),
    );
    const house = ok(
      await api.post('/registry/houses', { addressId: address.id, unit: '1房', use: 'own', floorArea: 50 }),
    );
    const before = await storedCounts();
    const duplicate = await api.post('/registry/houses', {
      addressId: address.id,
      unit: '1房',
      use: 'own',
      floorArea: 50,
    });
    expect(duplicate.status).toBe(409);
    expect(await storedCounts()).toBe(before);
    // xmin changes with every write of a row: unchanged, the update did not touch area_counts.
    const versions = () =>
      t.db.query<{ v: string }>(
        'SELECT xmin::text AS v FROM area_counts WHERE area_id = $1 ORDER BY metric',
        [grid.node.id],
      );
    const written = await versions();
    ok(await api.patch(`/registry/houses/${house.id}`, { use: 'rented', floorArea: 55 }));
    expect(await versions()).toEqual(written);
  });

  it('the full check names a count that drifted, and a full recount repairs it', async () => {
    await t.db.query('INSERT INTO area_counts (area_id, metric, n) VALUES ($1, $2, 3)', [
      grids[2]!.node.id,
      'noSuchMetric',
    ]);
    expect(await checkAreaCounts(t.db)).toEqual([
      {
        areaId: grids[2]!.node.id,
        areaCode: grids[2]!.node.code,
        metric: 'noSuchMetric',
        stored: 3,
        actual: 0,
      },
    ]);
    await refreshAllAreaCounts(t.db);
    expect(await checkAreaCounts(t.db)).toEqual([]);
  });
});
