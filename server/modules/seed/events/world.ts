// What the event history is built over: one district's grids, the demo accounts who work the loop, its
// departments and the door plates where events happen. Read from the database the earlier steps loaded.
import type { Database } from '../../../db/client';
import type { AreaNode, DistrictTree } from '../geometry';

export interface Person {
  id: number;
  /** The step's `actor` text, as the events module writes it (account:<id>:<username>). */
  label: string;
}

export interface Place {
  addressId: number;
  text: string;
  lat: number;
  lng: number;
}

export interface DistrictWorld {
  tree: DistrictTree;
  /** Per grid index: its grid workers, the safety grid worker (if any) last. */
  gridWorkers: Person[][];
  safetyWorker: (Person | null)[];
  /** Per grid index: its community's and street's staff. */
  communityStaff: Person[][];
  streetStaff: Person[][];
  centre: Person[];
  departmentId: Map<string, number>;
  departmentStaff: Map<string, Person[]>;
  /** Per grid index: its door plates. */
  places: Place[][];
}

type AccountRow = {
  id: number;
  username: string;
  role: string;
  area_id: number | null;
  department_id: number | null;
};

/** The world of each district tree, from the accounts, departments and addresses in the database. */
export async function loadWorlds(db: Database, trees: DistrictTree[]): Promise<DistrictWorld[]> {
  const accounts = await db.query<AccountRow>(
    `SELECT id, username, role, area_ids[1] AS area_id, department_id FROM accounts
      WHERE disabled_at IS NULL AND role IN ('grid_worker', 'community_staff', 'street_staff', 'district_centre',
        'department_staff') ORDER BY id`,
  );
  const departments = await db.query<{ id: number; code: string; district_id: number }>(
    'SELECT id, code, district_id FROM departments WHERE archived_at IS NULL ORDER BY id',
  );
  const addresses = await db.query<{
    id: number;
    grid_id: number;
    full_text: string;
    lat: number;
    lng: number;
  }>('SELECT id, grid_id, full_text, lat, lng FROM addresses WHERE archived_at IS NULL ORDER BY id');
  const byArea = new Map<number, AccountRow[]>();
  for (const a of accounts) {
    if (a.area_id === null) continue;
    const list = byArea.get(a.area_id) ?? [];
    list.push(a);
    byArea.set(a.area_id, list);
  }
  const person = (a: AccountRow): Person => ({ id: a.id, label: `account:${a.id}:${a.username}` });
  const staffOf = (area: AreaNode | number, role: string) =>
    (byArea.get(typeof area === 'number' ? area : area.id) ?? []).filter((a) => a.role === role).map(person);
  const placesByGrid = new Map<number, Place[]>();
  for (const a of addresses) {
    const list = placesByGrid.get(a.grid_id) ?? [];
    list.push({ addressId: a.id, text: a.full_text, lat: Number(a.lat), lng: Number(a.lng) });
    placesByGrid.set(a.grid_id, list);
  }

  return trees.map((tree) => {
    const workers = tree.grids.map((g) => (byArea.get(g.id) ?? []).filter((a) => a.role === 'grid_worker'));
    const depts = departments.filter((d) => d.district_id === tree.district.id);
    const world: DistrictWorld = {
      tree,
      gridWorkers: workers.map((list) => list.filter((a) => !a.username.includes('safety')).map(person)),
      safetyWorker: workers.map((list) => {
        const safety = list.find((a) => a.username.includes('safety'));
        return safety ? person(safety) : null;
      }),
      communityStaff: tree.grids.map((g) => staffOf(g.communityId!, 'community_staff')),
      streetStaff: tree.grids.map((g) => staffOf(g.streetId!, 'street_staff')),
      centre: staffOf(tree.district, 'district_centre'),
      departmentId: new Map(depts.map((d) => [d.code, d.id])),
      departmentStaff: new Map(
        depts.map((d) => [
          d.code,
          accounts.filter((a) => a.role === 'department_staff' && a.department_id === d.id).map(person),
        ]),
      ),
      places: tree.grids.map((g) => placesByGrid.get(g.id) ?? []),
    };
    checkWorld(world);
    return world;
  });
}

function checkWorld(w: DistrictWorld) {
  const missing: string[] = [];
  w.tree.grids.forEach((g, i) => {
    if (!w.gridWorkers[i]!.length) missing.push(`grid worker of ${g.code}`);
    if (!w.communityStaff[i]!.length) missing.push(`community staff of ${g.code}`);
    if (!w.streetStaff[i]!.length) missing.push(`street staff of ${g.code}`);
  });
  if (w.centre.length < 2) missing.push(`two district centre accounts in ${w.tree.code}`);
  for (const [code, staff] of w.departmentStaff) if (!staff.length) missing.push(`staff of ${code}`);
  if (missing.length)
    throw new Error(`seed events: the demo accounts lack ${missing.slice(0, 5).join(', ')}`);
}
