import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from '../../../core/masking';
import { testPii, testPiiKeys } from '../../../tests/support/test-keys';
import { type Database, openDatabase } from '../../db/client';
import { migrate } from '../../db/migrate';
import { TABLES } from './context';
import { seedDatabase } from './load';
import { SCALES } from './scales';

const count = async (db: Database, sql: string) => (await db.query<{ n: number }>(sql))[0]!.n;

describe('seedDatabase (small scale, fresh in-memory PGlite, cipher on worker threads)', () => {
  let db: Database;
  let indexesBefore: string[];
  let result: Awaited<ReturnType<typeof seedDatabase>>;
  const progress: [number, number, string][] = [];

  beforeAll(async () => {
    db = await openDatabase({ dataDir: 'memory://' });
    await migrate(db);
    const list = TABLES.map((t) => `'${t}'`).join(',');
    const definitions = `SELECT indexdef AS d FROM pg_indexes WHERE tablename IN (${list})
      UNION ALL SELECT pg_get_constraintdef(oid) || convalidated FROM pg_constraint
       WHERE conrelid::regclass::text IN (${list}) ORDER BY 1`;
    indexesBefore = (await db.query<{ d: string }>(definitions)).map((r) => r.d);
    result = await seedDatabase(db, {
      scale: 'small',
      seed: 1,
      pii: testPii,
      piiKeys: testPiiKeys,
      onProgress: (...p) => progress.push(p),
    });
    const after = (await db.query<{ d: string }>(definitions)).map((r) => r.d);
    expect(after).toEqual(indexesBefore);
  }, 60_000);
  afterAll(() => db?.close());

  it('loads every table with the expected counts', async () => {
    const per = SCALES.small.perDistrict;
    const expected: Record<string, number> = {
      areas: 1 + 2 + 6 + 12,
      addresses: per.addresses,
      houses: per.houses,
      residents: per.residents,
      health_records: per.healthRecords,
      enterprises: per.enterprises,
      social_organisations: per.socialOrganisations,
      party_organisations: per.partyOrganisations,
      party_members: per.partyMembers,
      party_studios: per.partyStudios,
      service_facilities: per.serviceFacilities,
      departments: 15,
      staff: per.comprehensiveGridWorkers + per.safetyGridWorkers + per.securityStaff,
    };
    expect(result.counts).toEqual(expected);
    for (const [table, n] of Object.entries(expected)) {
      expect(await count(db, `SELECT count(*)::int AS n FROM ${table}`)).toBe(n);
    }
    expect(await count(db, 'SELECT count(*)::int AS n FROM health_records WHERE chronic_focus')).toBe(
      per.chronicFocus,
    );
  });

  it("puts every resident in its house's grid, and every house in its address's grid", async () => {
    const residents = `SELECT count(*)::int AS n FROM residents r JOIN houses h ON h.id = r.house_id
      WHERE r.grid_id IS DISTINCT FROM h.grid_id OR r.community_id IS DISTINCT FROM h.community_id`;
    expect(await count(db, residents)).toBe(0);
    const houses = `SELECT count(*)::int AS n FROM houses h JOIN addresses a ON a.id = h.address_id
      WHERE h.grid_id IS DISTINCT FROM a.grid_id`;
    expect(await count(db, houses)).toBe(0);
    const grids = `SELECT count(*)::int AS n FROM addresses a JOIN areas g ON g.id = a.grid_id
      WHERE g.level <> 'grid' OR g.parent_id <> a.community_id OR g.street_id <> a.street_id`;
    expect(await count(db, grids)).toBe(0);
  });

  it('stores every personal value encrypted for its own row and column, with HMACs and masks', async () => {
    const open = (blob: Buffer | null, table: string, column: string, rowId: number) =>
      blob && testPii.decrypt(Buffer.from(blob), { table, column, rowId });
    const hmac = (blob: Buffer | null) => blob && Buffer.from(blob).toString('hex');
    type Person = {
      id: number;
      id_number_enc: Buffer;
      id_number_hmac: Buffer;
      id_number_masked: string;
      phone_enc: Buffer | null;
      phone_hmac: Buffer | null;
      phone_masked: string | null;
    };
    const residents = await db.query<Person>(
      `SELECT id, id_number_enc, id_number_hmac, id_number_masked, phone_enc, phone_hmac, phone_masked
         FROM residents ORDER BY id`,
    );
    for (const r of residents) {
      const idNumber = open(r.id_number_enc, 'residents', 'id_number_enc', r.id)!;
      expect(r.id_number_masked).toBe(maskIdNumber(idNumber));
      expect(hmac(r.id_number_hmac)).toBe(testPii.hmac(idNumber).toString('hex'));
      const phone = open(r.phone_enc, 'residents', 'phone_enc', r.id);
      expect(r.phone_masked).toBe(phone && maskPhone(phone));
      expect(hmac(r.phone_hmac)).toBe(phone && testPii.hmac(phone).toString('hex'));
    }
    const health = await db.query<{ id: number; conditions_enc: Buffer }>(
      'SELECT id, conditions_enc FROM health_records ORDER BY id',
    );
    for (const h of health) {
      expect(() =>
        JSON.parse(open(h.conditions_enc, 'health_records', 'conditions_enc', h.id)!),
      ).not.toThrow();
    }
    const staff = await db.query<{ id: number; phone_enc: Buffer; phone_hmac: Buffer; phone_masked: string }>(
      'SELECT id, phone_enc, phone_hmac, phone_masked FROM staff ORDER BY id',
    );
    for (const s of staff) {
      const phone = open(s.phone_enc, 'staff', 'phone_enc', s.id)!;
      expect([s.phone_masked, hmac(s.phone_hmac)]).toEqual([
        maskPhone(phone),
        testPii.hmac(phone).toString('hex'),
      ]);
    }
    expect(residents.length * health.length * staff.length).toBeGreaterThan(0);
  });

  it('resets identity sequences and writes one history row per table', async () => {
    const [{ id }] = (await db.query<{ id: number }>(
      `INSERT INTO departments (district_id, code, name, short_name) VALUES (1, 'x', 'x', 'x') RETURNING id`,
    )) as [{ id: number }];
    expect(id).toBe(16);
    const history = await db.query<{
      entity: string;
      changes: { rows: number; scale: string; seed: number };
    }>(
      `SELECT entity, changes FROM record_history WHERE action = 'bulk_load' AND actor = 'system:seed' AND source = 'seed'`,
    );
    expect(history).toHaveLength(TABLES.length + 1);
    expect(history.find((h) => h.entity === 'residents')!.changes).toEqual({
      rows: 2500,
      scale: 'small',
      seed: 1,
    });
  });

  it('reports progress up to the total and refuses a second seed', async () => {
    const last = progress[progress.length - 1]!;
    expect(last[0]).toBe(last[1]);
    expect(last[2]).toBe('done');
    expect(progress.every(([done, total]) => done <= total)).toBe(true);
    await expect(seedDatabase(db, { scale: 'small', seed: 1, pii: testPii })).rejects.toThrow(
      /already holds/,
    );
  });
});
