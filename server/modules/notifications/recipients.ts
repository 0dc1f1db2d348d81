import { sql } from 'drizzle-orm';
import type { EventLevel } from '../../../core/events/workflow';
import { execRows, type Orm } from '../../db/client';

/*
 * Who is responsible, resolved when the outbox row is relayed (not when the step was taken), from the
 * accounts as they are then: a disabled account never gets a message, a newly added one does.
 */

/** The role that works each level of the ladder. */
const LEVEL_ROLE = {
  grid: 'grid_worker',
  community: 'community_staff',
  street: 'street_staff',
  district: 'district_centre',
} as const satisfies Record<EventLevel, string>;

export interface EventPlace {
  districtId: number;
  streetId: number;
  communityId: number;
  gridId: number;
}

const areaAt = (place: EventPlace, level: EventLevel) =>
  ({
    grid: place.gridId,
    community: place.communityId,
    street: place.streetId,
    district: place.districtId,
  })[level];

const ids = async (tx: Orm, query: ReturnType<typeof sql>) =>
  (await execRows<{ id: number }>(tx, query)).map((r) => Number(r.id));

/** Active accounts of the level's role whose areas include the event's area at that level. */
export function levelStaff(tx: Orm, place: EventPlace, level: EventLevel): Promise<number[]> {
  return ids(
    tx,
    sql`SELECT id FROM accounts WHERE disabled_at IS NULL AND role = ${LEVEL_ROLE[level]}
         AND ${areaAt(place, level)} = ANY(area_ids) ORDER BY id`,
  );
}

/** Active staff of the district's departments with these codes. */
export function departmentStaffByCode(tx: Orm, districtId: number, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return ids(
    tx,
    sql`SELECT a.id FROM accounts a JOIN departments d ON d.id = a.department_id
         WHERE a.disabled_at IS NULL AND a.role = 'department_staff' AND d.district_id = ${districtId}
           AND d.code IN (${sql.join(
             codes.map((c) => sql`${c}`),
             sql`, `,
           )}) ORDER BY a.id`,
  );
}

/**
 * Active staff of the department that last led the event with its lead assignment in one of these states
 * (`done`: it led it to the end; with `working` too: it leads it now, or did when the step was taken).
 */
export function leadDepartmentStaff(
  tx: Orm,
  eventId: number,
  states: readonly ('done' | 'working')[] = ['done'],
) {
  return ids(
    tx,
    sql`SELECT a.id FROM accounts a
         WHERE a.disabled_at IS NULL AND a.role = 'department_staff' AND a.department_id = (
           SELECT department_id FROM event_assignments WHERE event_id = ${eventId} AND role = 'lead'
              AND state IN (${sql.join(
                states.map((st) => sql`${st}`),
                sql`, `,
              )}) ORDER BY id DESC LIMIT 1)
         ORDER BY a.id`,
  );
}

/** The account itself, when it is still active. */
export function activeAccount(tx: Orm, accountId: number | null) {
  if (accountId === null) return Promise.resolve([]);
  return ids(tx, sql`SELECT id FROM accounts WHERE id = ${accountId} AND disabled_at IS NULL`);
}
