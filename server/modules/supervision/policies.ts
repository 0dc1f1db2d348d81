import { type Column, type SQL, sql } from 'drizzle-orm';
import type { EventLevel } from '../../../core/events/workflow';
import type { PersonAction } from '../../../core/supervision/workflow';
import { supervisionOrders as o } from '../../db/schema';
import type { Actor } from '../auth';

/*
 * Record-level policy of supervision orders, as SQL predicates over the order row: the queue of orders to
 * answer and a refusal never disagree because both read these.
 */

const LEVEL_OF_ROLE: Partial<Record<Actor['role'], EventLevel>> = {
  grid_worker: 'grid',
  community_staff: 'community',
  street_staff: 'street',
  district_centre: 'district',
};

const inMyAreas = (column: Column, actor: Actor) =>
  actor.areaIds.length
    ? sql`${column} IN (${sql.join(
        actor.areaIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql`false`;

/** Mine to answer: my department's, or my level's staff in my areas (a step not led by a department). */
export function mayAnswer(actor: Actor): SQL {
  if (actor.role === 'department_staff')
    return actor.departmentId ? sql`${o.departmentId} = ${actor.departmentId}` : sql`false`;
  const level = LEVEL_OF_ROLE[actor.role];
  if (!level) return sql`false`;
  return sql`(${o.departmentId} IS NULL AND ${o.responsibleLevel} = ${level} AND ${inMyAreas(o.responsibleAreaId, actor)})`;
}

/**
 * Mine to accept or send back: the district centre for every order in its district; a street centre for
 * the orders it issued and the system's orders on steps at a grid or community of its street.
 */
export function mayOversee(actor: Actor): SQL {
  if (actor.role === 'district_centre') return inMyAreas(o.districtId, actor);
  if (actor.role === 'street_staff')
    return sql`(${o.issuedBy} = ${actor.accountId} OR (${o.issuedBy} IS NULL
      AND ${o.responsibleLevel} IN ('grid', 'community') AND ${inMyAreas(o.streetId, actor)}))`;
  return sql`false`;
}

/** What I may see: orders I answer or oversee, the ones I issued, my street's, and leaders their district's. */
export function reach(actor: Actor): SQL {
  const wide =
    actor.role === 'district_leader'
      ? inMyAreas(o.districtId, actor)
      : actor.role === 'street_staff'
        ? inMyAreas(o.streetId, actor)
        : sql`false`;
  return sql`(${mayAnswer(actor)} OR ${mayOversee(actor)} OR ${o.issuedBy} = ${actor.accountId} OR ${wide})`;
}

export const mayTake = (actor: Actor, action: PersonAction) =>
  action === 'answer' ? mayAnswer(actor) : mayOversee(actor);
