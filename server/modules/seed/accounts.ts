import { createRandom } from '../../../core/random';
import type { Database } from '../../db/client';
import type { PiiCipher } from '../../lib/pii';
import { DEMO_PASSWORD, enrolDemoAccounts, hashPassword } from '../auth';
import { deriveSeed } from './allocate';
import { personName } from './names';

interface AreaRow {
  id: number;
  code: string;
  level: string;
  district_id: number;
}

/** Accounts per district, shaped like the source document's 1,095: 44 district, 131 department, 426 street, 494 grid. */
const DISTRICT_SHAPE = { district: 44, departments: 131, streets: 426, grids: 494 };

/**
 * Demo accounts for every role in every district: leaders, the district centre and auditors (44),
 * department staff (131, spread over the departments), street staff (426, spread over the streets),
 * one community account per community and grid workers for the rest (one per grid, then a second
 * (safety) worker for as many grids as the total allows). Small scale: a few of each.
 */
export async function seedDemoAccounts(
  db: Database,
  options: { seed: number; small: boolean; pii: PiiCipher },
): Promise<number> {
  const areas = await db.query<AreaRow & Record<string, unknown>>(
    'SELECT id, code, level, district_id FROM areas ORDER BY code',
  );
  const departments = await db.query<{ id: number; code: string; district_id: number }>(
    'SELECT id, code, district_id FROM departments WHERE archived_at IS NULL ORDER BY id',
  );
  const hash = await hashPassword(DEMO_PASSWORD); // one hash for all: they share one published password
  const random = createRandom(deriveSeed(options.seed, 'accounts'));
  const rows: string[] = [];
  const add = (username: string, role: string, areaIds: number[], departmentId: number | null = null) => {
    const name = personName(random, random.chance(0.5) ? 'M' : 'F');
    rows.push([username, name, hash, role, `{${areaIds.join(',')}}`, departmentId ?? ''].map(csv).join(','));
  };
  const districts = areas.filter((a) => a.level === 'district');
  districts.forEach((district, d) => {
    const prefix = districts.length > 1 ? `d${String(d + 1).padStart(2, '0')}.` : '';
    const inDistrict = (level: string) =>
      areas.filter((a) => a.level === level && a.district_id === district.id);
    const streets = inDistrict('street');
    const communities = inDistrict('community');
    const grids = inDistrict('grid');
    const depts = departments.filter((x) => x.district_id === district.id);
    const shape = options.small
      ? { leaders: 2, centre: 2, auditors: 1, perDept: 1, perStreet: 2, grids: grids.length }
      : {
          leaders: 34,
          centre: 8,
          auditors: 2,
          perDept: 0,
          perStreet: 0,
          grids: DISTRICT_SHAPE.grids - communities.length,
        };
    const n = (i: number, width = 3) => String(i + 1).padStart(width, '0');
    for (let i = 0; i < shape.leaders; i++) add(`${prefix}leader${n(i)}`, 'district_leader', [district.id]);
    for (let i = 0; i < shape.centre; i++) add(`${prefix}centre${n(i)}`, 'district_centre', [district.id]);
    for (let i = 0; i < shape.auditors; i++) add(`${prefix}auditor${n(i)}`, 'auditor', []);
    const deptCount = options.small ? depts.length : DISTRICT_SHAPE.departments;
    for (let i = 0; i < deptCount; i++) {
      const dept = depts[i % depts.length]!;
      add(
        `${prefix}${dept.code}.${n(Math.floor(i / depts.length), 2)}`,
        'department_staff',
        [district.id],
        dept.id,
      );
    }
    const streetCount = options.small ? streets.length * shape.perStreet : DISTRICT_SHAPE.streets;
    for (let i = 0; i < streetCount; i++) {
      const street = streets[i % streets.length]!;
      add(
        `${prefix}street${street.code.slice(6, 9)}.${n(Math.floor(i / streets.length), 2)}`,
        'street_staff',
        [street.id],
      );
    }
    for (const c of communities) add(`${prefix}community${c.code.slice(6, 12)}`, 'community_staff', [c.id]);
    for (let i = 0; i < shape.grids; i++) {
      const grid = grids[i % grids.length]!;
      const kind = i < grids.length ? 'grid' : 'safety';
      add(`${prefix}${kind}${grid.code.slice(6)}`, 'grid_worker', [grid.id]);
    }
  });
  await db.copyCsv(
    'accounts',
    ['username', 'display_name', 'password_hash', 'role', 'area_ids', 'department_id'],
    `${rows.join('\n')}\n`,
  );
  // Roles that may reveal personal data sign in with a second factor: the published demo TOTP secret.
  await enrolDemoAccounts(db, options.pii, hash);
  return rows.length;
}

function csv(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
