import { describe, expect, it } from 'vitest';
import { pointInRing } from '../../../core/geo/polygon';
import { maskIdNumber } from '../../../core/masking';
import { parseIdNumber } from '../../../core/validation/id-number';
import { parseUscc } from '../../../core/validation/uscc';
import { testPii } from '../../../tests/support/test-keys';
import { createContext, TABLES, type TableName } from './context';
import { districtSteps } from './district';
import { buildAreaTrees, type DistrictTree } from './geometry';
import { createIdNumberAllocator } from './identity';
import { SCALES } from './scales';

type Record_ = Record<string, unknown>;

/** The small scale generated in memory, rows as objects, encrypted columns decrypted. */
function generate(seed: number): { tree: DistrictTree; rows: Record<TableName, Record_[]> } {
  const [tree] = buildAreaTrees(SCALES.small, seed);
  const ids = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<TableName, number>;
  const ctx = createContext(SCALES.small, seed, testPii, tree!, ids);
  const rows = {} as Record<TableName, Record_[]>;
  for (const step of districtSteps(ctx)) {
    rows[step.table] = [...step.rows].map((row) =>
      Object.fromEntries(
        step.columns.map((c, i) => {
          const v = row[i];
          const aad = { table: step.table, column: c, rowId: row[0] as number };
          return [c, c.endsWith('_enc') && Buffer.isBuffer(v) ? testPii.decrypt(v, aad) : v];
        }),
      ),
    );
  }
  return { tree: tree!, rows };
}

const { tree, rows } = generate(1);
const byId = <T extends Record_>(list: T[]) => new Map(list.map((r) => [r.id as number, r]));

describe('seed generators (small scale)', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const again = generate(1).rows;
    const other = generate(2).rows;
    for (const table of ['addresses', 'houses', 'residents', 'health_records', 'enterprises'] as const) {
      expect(again[table].slice(0, 5)).toEqual(rows[table].slice(0, 5));
      expect(other[table].slice(0, 5)).not.toEqual(rows[table].slice(0, 5));
    }
  });

  it('produces the scale’s counts', () => {
    const per = SCALES.small.perDistrict;
    expect(rows.addresses).toHaveLength(per.addresses);
    expect(rows.houses).toHaveLength(per.houses);
    expect(rows.residents).toHaveLength(per.residents);
    expect(rows.health_records).toHaveLength(per.healthRecords);
    expect(rows.health_records.filter((h) => h.chronic_focus)).toHaveLength(per.chronicFocus);
    expect(rows.party_organisations).toHaveLength(per.partyOrganisations);
    expect(rows.party_members).toHaveLength(per.partyMembers);
    expect(rows.departments).toHaveLength(15);
    const staff = per.comprehensiveGridWorkers + per.safetyGridWorkers + per.securityStaff;
    expect(rows.staff).toHaveLength(staff);
  });

  it('gives residents valid, unique ID numbers consistent with birth date, sex and origin', () => {
    const seen = new Set<string>();
    for (const r of rows.residents) {
      const id = r.id_number_enc as string;
      const parsed = parseIdNumber(id, new Date('2025-06-30T12:00:00'));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(`${parsed.info.birthDate.slice(0, 7)}-01`).toBe(r.birth_month);
      expect(parsed.info.sex).toBe(r.sex);
      expect(id.startsWith('4401')).toBe(r.household_type === 'registered');
      expect(r.id_number_masked).toBe(maskIdNumber(id));
      expect((r.id_number_hmac as Buffer).equals(testPii.hmac(id))).toBe(true);
      if (r.phone_enc)
        expect((r.phone_hmac as Buffer).equals(testPii.hmac(r.phone_enc as string))).toBe(true);
      seen.add(id);
    }
    expect(seen.size).toBe(rows.residents.length);
  });

  it('keeps ID numbers unique across the districts of a city without shared state', () => {
    const seen = new Set<string>();
    for (let district = 0; district < 20; district++) {
      const next = createIdNumberAllocator(district, 20);
      // More people born on one day in one county than one district has sequence numbers for.
      for (let k = 0; k < 60; k++) seen.add(next('430102', 7000, k % 2 === 0).idNumber);
    }
    expect(seen.size).toBe(20 * 60);
    for (const id of seen) expect(parseIdNumber(id).ok).toBe(true);
  });

  it('gives organisations valid, unique USCCs', () => {
    const codes = [...rows.enterprises, ...rows.social_organisations].map((o) => o.uscc as string);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(parseUscc(code).ok).toBe(true);
    for (const e of rows.enterprises) expect((e.uscc as string).slice(0, 2)).toBe('91');
    for (const s of rows.social_organisations) expect((s.uscc as string)[0]).toBe('5');
  });

  it('places everything consistently: points in their grid, houses and residents in their address grid', () => {
    const gridIds = new Set(tree.grids.map((g) => g.id));
    for (const a of rows.addresses) {
      const grid = tree.grids.find((g) => g.id === a.grid_id)!;
      expect(pointInRing(a.lng as number, a.lat as number, grid.boundary.coordinates[0]!)).toBe(true);
      expect(a.community_id).toBe(grid.communityId);
    }
    const addresses = byId(rows.addresses);
    const houses = byId(rows.houses);
    const residents = byId(rows.residents);
    for (const h of rows.houses) expect(h.grid_id).toBe(addresses.get(h.address_id as number)!.grid_id);
    for (const r of rows.residents) expect(r.grid_id).toBe(houses.get(r.house_id as number)!.grid_id);
    for (const h of rows.health_records)
      expect(h.grid_id).toBe(residents.get(h.resident_id as number)!.grid_id);
    for (const f of rows.service_facilities) expect(gridIds.has(f.grid_id as number)).toBe(true);
  });

  it('gives every occupied house exactly one householder and nobody to vacant or commercial units', () => {
    const heads = new Map<number, number>();
    const houses = byId(rows.houses);
    for (const r of rows.residents) {
      expect(['own', 'rented']).toContain(houses.get(r.house_id as number)!.use);
      if (r.relation === '本人') heads.set(r.house_id as number, (heads.get(r.house_id as number) ?? 0) + 1);
    }
    const occupied = new Set(rows.residents.map((r) => r.house_id));
    expect(heads.size).toBe(occupied.size);
    expect([...heads.values()].every((n) => n === 1)).toBe(true);
  });

  it('builds the party tree and staff as specified', () => {
    const orgs = byId(rows.party_organisations);
    for (const o of rows.party_organisations) {
      if (o.parent_id !== null) expect(orgs.has(o.parent_id as number)).toBe(true);
      else expect(o.kind).toBe('committee');
      if (o.grid_id === null) expect(o.area_id).toBe(o.community_id ?? o.street_id);
    }
    const residents = byId(rows.residents);
    for (const m of rows.party_members) {
      const branch = orgs.get(m.party_organisation_id as number)!;
      expect(branch.kind).toBe('branch');
      expect(branch.community_id).toBe(residents.get(m.resident_id as number)!.community_id);
    }
    const centres = rows.service_facilities.filter((f) => f.kind === 'community_service_centre');
    expect(new Set(centres.map((c) => c.community_id)).size).toBe(tree.communities.length);
    const roles = rows.staff.map((s) => s.role);
    expect(roles.filter((r) => r === 'safety_grid_worker')).toHaveLength(
      SCALES.small.perDistrict.safetyGridWorkers,
    );
    for (const s of rows.staff) {
      expect(s.phone_enc).toMatch(/^1[3-9]\d{9}$/);
      expect(s.area_id).toBe(s.role === 'security' ? s.community_id : s.grid_id);
    }
  });
});
