import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AreaNode, registryClient } from '../support/registry-client';
import { startTestApp } from '../support/test-app';

type Item = Record<string, unknown> & { id: number };
type Total = { count: number; atLeast: boolean };

/** Lists at scale: totals, page size, the filters and searches people use, export, forged cursors. */
describe('registry lists at scale', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let api: ReturnType<typeof registryClient>;
  let district: AreaNode;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor('centre001');
    api = registryClient(t.app, token);
    district = (await api.tree())[0]!;
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []) =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0]!.n;
  const all = async (url: string) => {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const sep = url.includes('?') ? '&' : '?';
      const res = await api.get(`${url}${sep}limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      items.push(...(res.body.items as Item[]));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    return items;
  };
  const exportOf = (path: string, as = token) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/registry/${path}`,
      headers: { authorization: `Bearer ${as}` },
    });

  describe('totals', () => {
    it('an unfiltered area list counts exactly from the rollup, the same as the rows', async () => {
      const street = district.children[0]!;
      const res = await api.get(`/registry/residents?area=${street.code}&limit=10`);
      const total = res.body.total as Total;
      const actual = await count('residents WHERE street_id = $1 AND archived_at IS NULL', [street.id]);
      expect(total).toEqual({ count: actual, atLeast: false });
      expect((res.body.items as Item[]).length).toBe(10);
    });

    it('a filter a rollup metric means exactly is exact too; others are counted', async () => {
      const floating = await api.get(
        `/registry/residents?area=${district.code}&householdType=floating&limit=1`,
      );
      const actual = await count("residents WHERE household_type = 'floating' AND archived_at IS NULL");
      expect(floating.body.total).toEqual({ count: actual, atLeast: false });
      const grid = district.children[1]!.children[0]!.children[0]!;
      const elderly = await all(`/registry/residents?area=${grid.code}&tag=elderly_alone`);
      const res = await api.get(`/registry/residents?area=${grid.code}&tag=elderly_alone&limit=1`);
      expect(res.body.total).toEqual({ count: elderly.length, atLeast: false });
    });

    it('a broad filtered list says "at least 10,000" rather than walking every row', async () => {
      const res = await api.get(`/registry/residents?sex=F&limit=1`);
      const women = await count("residents WHERE sex = 'F' AND archived_at IS NULL");
      expect(res.body.total).toEqual(
        women > 10_000 ? { count: 10_000, atLeast: true } : { count: women, atLeast: false },
      );
    });

    it("counts only the caller's scope", async () => {
      const grid = registryClient(t.app, await t.tokenFor('grid001001001'));
      const res = await grid.get('/registry/residents?limit=1');
      const rows = await (async () => {
        let n = 0;
        let cursor: string | null = null;
        do {
          const page = await grid.get(`/registry/residents?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
          n += (page.body.items as Item[]).length;
          cursor = page.body.nextCursor as string | null;
        } while (cursor);
        return n;
      })();
      expect(res.body.total).toEqual({ count: rows, atLeast: false });
    });
  });

  it('keeps page sizes within bounds', async () => {
    for (const limit of [10, 20, 50, 100]) {
      const res = await api.get(`/registry/houses?limit=${limit}`);
      expect((res.body.items as Item[]).length).toBe(limit);
    }
    for (const limit of ['0', '201', '-1', '1e3', '99999999999999999999', 'ten'])
      expect((await api.get(`/registry/houses?limit=${limit}`)).status).toBe(400);
  });

  describe('filters', () => {
    it('tags, age range and permit expiry select exactly the matching residents', async () => {
      const street = district.children[0]!;
      const keyCare = await all(`/registry/residents?area=${street.code}&tag=key_care`);
      expect(keyCare.length).toBeGreaterThan(0);
      expect(keyCare.every((r) => (r.tags as string[]).includes('key_care'))).toBe(true);
      expect(keyCare.length).toBe(
        await count("residents WHERE street_id = $1 AND 'key_care' = ANY(tags) AND archived_at IS NULL", [
          street.id,
        ]),
      );
      const old = await all(`/registry/residents?area=${street.code}&ageMin=80&ageMax=89`);
      expect(old.length).toBeGreaterThan(0);
      expect(old.every((r) => (r.age as number) >= 80 && (r.age as number) <= 89)).toBe(true);
      const everyone = await all(`/registry/residents?area=${street.code}`);
      expect(old.length).toBe(
        everyone.filter((r) => (r.age as number) >= 80 && (r.age as number) <= 89).length,
      );
      const expiring = await all(`/registry/residents?area=${street.code}&permitExpiryBefore=2026-06-01`);
      expect(expiring.length).toBeGreaterThan(0);
      expect(
        expiring.every((r) => r.householdType === 'floating' && (r.permitExpiry as string) < '2026-06-01'),
      ).toBe(true);
    });

    it('narrows to a grid within the selected area, and refuses an area outside it', async () => {
      const community = district.children[1]!.children[0]!;
      const grid = community.children[0]!;
      const rows = await all(`/registry/houses?area=${community.code}&within=${grid.code}`);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.gridId === grid.id)).toBe(true);
      const elsewhere = district.children[0]!.children[0]!.children[0]!;
      const res = await api.get(`/registry/houses?area=${community.code}&within=${elsewhere.code}`);
      expect(res.status).toBe(400);
      expect((await api.get(`/registry/houses?area=${community.code}&within=${community.code}`)).status).toBe(
        400,
      );
    });

    it('enterprise size and health follow-ups filter; bad values are 400s, not 500s', async () => {
      const large = await all('/registry/enterprises?size=medium');
      expect(large.every((r) => (r.employees as number) >= 100 && (r.employees as number) <= 999)).toBe(true);
      const due = await all('/registry/health-records?followUpBefore=2025-01-01&chronicFocus=true');
      expect(
        due.every(
          (r) =>
            r.chronicFocus === true && (r.lastFollowUp === null || (r.lastFollowUp as string) < '2025-01-01'),
        ),
      ).toBe(true);
      for (const bad of [
        'residents?tag=vip',
        'residents?ageMin=-1',
        'residents?ageMax=1000',
        'residents?permitExpiryBefore=2026-02-30',
        'residents?permitExpiryBefore=%00',
        'residents?within=12345',
        'enterprises?size=huge',
        'health-records?followUpBefore=tomorrow',
      ])
        expect((await api.get(`/registry/${bad}`)).status, bad).toBe(400);
    });
  });

  describe('search', () => {
    it('finds a resident by any part of the name', async () => {
      const [someone] = await t.db.query<{ name: string; id: number }>(
        'SELECT id, name FROM residents WHERE char_length(name) >= 3 AND archived_at IS NULL ORDER BY id LIMIT 1',
      );
      const middle = [...someone!.name].slice(1).join('');
      const found = await all(`/registry/residents?q=${encodeURIComponent(middle)}`);
      expect(found.map((r) => r.id)).toContain(someone!.id);
      expect(found.every((r) => (r.name as string).includes(middle))).toBe(true);
      const single = [...someone!.name].at(-1)!;
      const res = await api.get(`/registry/residents?q=${encodeURIComponent(single)}&limit=50`);
      expect((res.body.items as Item[]).every((r) => (r.name as string).includes(single))).toBe(true);
    });

    it('a renamed resident is found by the new name at once (bigrams written with the row)', async () => {
      const [row] = await t.db.query<{ id: number; version: number }>(
        'SELECT id, version FROM residents WHERE archived_at IS NULL ORDER BY id DESC LIMIT 1',
      );
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/registry/residents/${row!.id}`,
        headers: { authorization: `Bearer ${token}` },
        payload: { version: row!.version, name: '欧阳测试名' },
      });
      expect(res.statusCode, res.body).toBe(200);
      const found = await api.get('/registry/residents?q=%E9%98%B3%E6%B5%8B%E8%AF%95'); // 阳测试
      expect((found.body.items as Item[]).map((r) => r.id)).toEqual([row!.id]);
    });

    it('finds a house by its unit number and an enterprise by part of its credit code', async () => {
      const community = district.children[0]!.children[0]!;
      const houses = await all(`/registry/houses?area=${community.code}&q=101`);
      expect(houses.length).toBeGreaterThan(0);
      expect(houses.every((r) => (r.unit as string).includes('101'))).toBe(true);
      const [firm] = await t.db.query<{ id: number; uscc: string }>(
        'SELECT id, uscc FROM enterprises WHERE archived_at IS NULL ORDER BY id LIMIT 1',
      );
      const part = firm!.uscc.slice(8, 16);
      const byCode = await all(`/registry/enterprises?q=${part}`);
      expect(byCode.map((r) => r.id)).toContain(firm!.id);
      expect(
        byCode.every((r) => (r.uscc as string).includes(part) || (r.name as string).includes(part)),
      ).toBe(true);
    });

    it('finds a house by its door plate, or by door plate and unit', async () => {
      const [house] = await t.db.query<{ id: number; unit: string; road: string; house_number: string }>(
        `SELECT h.id, h.unit, a.road, a.house_number FROM houses h JOIN addresses a ON a.id = h.address_id
          WHERE h.archived_at IS NULL ORDER BY h.id LIMIT 1`,
      );
      const plate = `${house!.road}${house!.house_number}`;
      const atPlate = await all(`/registry/houses?q=${encodeURIComponent(plate)}`);
      expect(atPlate.map((r) => r.id)).toContain(house!.id);
      expect(atPlate.every((r) => (r.address as string).includes(plate))).toBe(true);
      const exact = await all(`/registry/houses?q=${encodeURIComponent(`${plate} ${house!.unit}`)}`);
      expect(exact.map((r) => r.id)).toContain(house!.id);
      expect(exact.every((r) => (r.unit as string).includes(house!.unit))).toBe(true);
      const elsewhere = await all(`/registry/houses?q=${encodeURIComponent(`不存在的路1号 ${house!.unit}`)}`);
      expect(elsewhere).toEqual([]);
    });

    it('nothing found is an empty page with a zero total, not an error', async () => {
      const res = await api.get(`/registry/residents?q=${encodeURIComponent('不存在的名字')}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ items: [], nextCursor: null, total: { count: 0, atLeast: false } });
      const wild = await api.get('/registry/residents?q=%25_%5C');
      expect(wild.status).toBe(200);
      expect(wild.body.items).toEqual([]);
    });
  });

  describe('cursors', () => {
    it('refuses forged, altered and foreign cursors with invalid_cursor (400)', async () => {
      const first = await api.get('/registry/residents?sort=name&limit=5');
      const cursor = first.body.nextCursor as string;
      const flipped = `${cursor.slice(0, 20)}${cursor[20] === 'A' ? 'B' : 'A'}${cursor.slice(21)}`;
      for (const bad of [
        flipped,
        'AAAA',
        Buffer.from(JSON.stringify(['x', 1])).toString('base64url'),
        encodeURIComponent('%00'),
      ]) {
        const res = await api.get(`/registry/residents?sort=name&limit=5&cursor=${bad}`);
        expect(res.status, bad).toBe(400);
        expect(res.body.code).toBe('invalid_cursor');
      }
      const other = await api.get(`/registry/residents?sort=name&limit=5&tag=key_care&cursor=${cursor}`);
      expect(other.body.code).toBe('invalid_cursor');
      const ok = await api.get(`/registry/residents?sort=name&limit=5&cursor=${cursor}`);
      expect(ok.status).toBe(200);
    });
  });

  describe('export', () => {
    it('CSV rows are the list rows, masked, in the list order, with Chinese headers', async () => {
      const grid = district.children[1]!.children[0]!.children[0]!;
      const list = await all(`/registry/residents?area=${grid.code}&sort=name`);
      const res = await exportOf(`residents/export?area=${grid.code}&sort=name&format=csv`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['content-disposition']).toMatch(/filename="residents-\d{4}-\d{2}-\d{2}\.csv"/);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('居民'));
      const lines = res.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      const header = lines[0]!.split(',');
      expect(header.slice(0, 2)).toEqual(['编号', '住址']);
      expect(header).toContain('证件号码（脱敏）');
      const rows = lines.slice(1).map((l) => l.split(','));
      expect(rows.map((r) => Number(r[0]))).toEqual(list.map((r) => r.id));
      const idColumn = header.indexOf('证件号码（脱敏）');
      expect(rows.map((r) => r[idColumn])).toEqual(list.map((r) => r.idNumber));
      expect(rows.every((r) => /\*/.test(r[idColumn]!))).toBe(true);
    });

    it('XLSX holds the same rows; one audit row per export names resource, filters, format and count', async () => {
      const street = district.children[0]!;
      const list = await all(`/registry/residents?area=${street.code}&tag=elderly_alone`);
      const before = await count("audit_log WHERE action = 'registry.export'");
      const res = await exportOf(`residents/export?area=${street.code}&tag=elderly_alone&format=xlsx`);
      expect(res.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      const ids: number[] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) ids.push(Number(row.getCell(1).value));
      });
      expect(ids).toEqual(list.map((r) => r.id));
      expect(await count("audit_log WHERE action = 'registry.export'")).toBe(before + 1);
      const [audit] = await t.db.query<{ details: Record<string, unknown>; object_type: string }>(
        "SELECT details, object_type FROM audit_log WHERE action = 'registry.export' ORDER BY id DESC LIMIT 1",
      );
      expect(audit!.object_type).toBe('resident');
      expect(audit!.details).toMatchObject({
        resource: 'residents',
        format: 'xlsx',
        rows: list.length,
        complete: true,
        area: street.code,
        filters: { tag: 'elderly_alone' },
      });
    });

    it("is scoped to the caller's area, refused without the export right, and checks its query", async () => {
      const streetToken = await t.tokenFor('street001.01');
      const streetRows = await registryClient(t.app, streetToken).get('/registry/enterprises?limit=1');
      const res = await exportOf('enterprises/export?format=csv', streetToken);
      expect(res.statusCode).toBe(200);
      const lines = res.body.trim().split('\r\n').length - 1;
      expect(lines).toBe((streetRows.body.total as Total).count);
      const gridToken = await t.tokenFor('grid001001001');
      expect((await exportOf('houses/export?format=csv', gridToken)).statusCode).toBe(403);
      const auditor = await t.tokenFor('auditor001');
      expect((await exportOf('residents/export?format=csv', auditor)).statusCode).toBe(403);
      const leader = await t.tokenFor('leader001');
      expect((await exportOf('houses/export?format=csv', leader)).statusCode).toBe(403);
      expect((await exportOf('residents/export?format=csv', leader)).statusCode).toBe(200);
      for (const bad of ['format=pdf', '', 'format=csv&tag=vip', 'format=csv&cursor=x', 'format=csv&limit=5'])
        expect((await exportOf(`residents/export?${bad}`)).statusCode, bad).toBe(400);
      const outside = district.children[1]!.code;
      // Another street's area, as in the list: nothing of it is the caller's to see.
      const foreign = await exportOf(`enterprises/export?format=csv&area=${outside}`, streetToken);
      expect(foreign.statusCode).toBe(200);
      expect(foreign.body.trim().split('\r\n')).toHaveLength(1);
    });
  });
});
