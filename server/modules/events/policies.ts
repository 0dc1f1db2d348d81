import { type SQL, sql } from 'drizzle-orm';
import { EVENT_LEVELS, type EventAction, type EventLevel, roleMayTake } from '../../../core/events/workflow';
import { ROLE_AREA_LEVEL } from '../../../core/policy/roles';
import type { AssignmentRole } from '../../db/events-schema';
import type { Actor } from '../auth';

/*
 * The record level of the events policy: for each action, a SQL predicate over the `events` table of the
 * events this actor may take it on. Queues are lists filtered by the same predicates, so a queue and a refusal
 * never disagree. Area ids come from the actor's own scope (our area tree), never from the request.
 */

const FALSE = sql`false`;
const rank = (level: EventLevel) => EVENT_LEVELS.indexOf(level);
const levelsList = (levels: EventLevel[]) =>
  levels.length
    ? sql.join(
        levels.map((l) => sql`${l}`),
        sql`, `,
      )
    : sql`NULL`;

/** The actor's own part of the district (its subtrees) over the event's located columns. */
const inArea = (actor: Actor) => sql.raw(actor.scope.rowsSql('events', 'write'));

const myLevel = (actor: Actor): EventLevel | null => ROLE_AREA_LEVEL[actor.role];

/** Events at the actor's level inside its area: the ones its level is responsible for now. */
function atMyLevel(actor: Actor): SQL {
  const level = myLevel(actor);
  return level ? sql`(events.level = ${level} AND ${inArea(actor)})` : FALSE;
}

/** Events in the actor's area at its level or below (a street centre oversees its communities' and grids'). */
function atOrBelowMyLevel(actor: Actor, strictly = false): SQL {
  const level = myLevel(actor);
  if (!level) return FALSE;
  const below = EVENT_LEVELS.filter((l) => (strictly ? rank(l) < rank(level) : rank(l) <= rank(level)));
  return sql`(events.level IN (${levelsList(below)}) AND ${inArea(actor)})`;
}

/**
 * Dispatched to the actor's department in one of these roles, its assignment in one of these states. An
 * uncorrelated IN (a hashed subplan), not a correlated EXISTS: inside the OR of `reach` the planner would run
 * an EXISTS once per event row.
 */
function assignedToMe(actor: Actor, roles: AssignmentRole[], states = ['working']): SQL {
  if (actor.role !== 'department_staff' || !actor.departmentId) return FALSE;
  return sql`events.id IN (SELECT a.event_id FROM event_assignments a
    WHERE a.department_id = ${actor.departmentId}
      AND a.role IN (${sql.join(
        roles.map((r) => sql`${r}`),
        sql`, `,
      )})
      AND a.state IN (${sql.join(
        states.map((s) => sql`${s}`),
        sql`, `,
      )}))`;
}

const reportedByMe = (actor: Actor) => sql`events.reported_by = ${actor.accountId}`;

/**
 * What the actor may see at all (its reach): events in its area — sensitive ones only where it works them —,
 * events ever dispatched to its department, and events it reported itself. Out of reach answers 404.
 */
export function reach(actor: Actor): SQL {
  const mine = reportedByMe(actor);
  switch (actor.role) {
    case 'district_centre':
      return inArea(actor);
    case 'district_leader':
      return sql`(${inArea(actor)} AND NOT events.sensitive)`;
    case 'street_staff':
    case 'community_staff':
    case 'grid_worker': {
      // Verifying a sensitive event on site is working it too (else nobody could verify it).
      const verifying = sql`(events.state = 'handled' AND ${mayTake(actor, 'verify')})`;
      return sql`((${inArea(actor)} AND (NOT events.sensitive OR ${atMyLevel(actor)} OR ${verifying})) OR ${mine})`;
    }
    case 'department_staff':
      return sql`(${assignedToMe(actor, ['lead', 'cooperating'], ['working', 'fed_back', 'done', 'refused', 'withdrawn'])} OR ${mine})`;
    default:
      return FALSE;
  }
}

/** The events in reach on which the actor may take this action (the state is the loop table's business). */
export function mayTake(actor: Actor, action: EventAction): SQL {
  if (!roleMayTake(actor.role, action)) return FALSE;
  const lead = assignedToMe(actor, ['lead']);
  switch (action) {
    case 'feedback':
      return assignedToMe(actor, ['cooperating']);
    case 'refuse':
    case 'complete':
      return lead;
    case 'ask_extension':
      return sql`(events.extension_until IS NULL AND (${atMyLevel(actor)} OR ${lead}))`;
    case 'approve_extension':
    case 'refuse_extension':
      // The level above the one asking decides; the district centre decides its departments' requests.
      return sql`(events.extension_until IS NOT NULL AND ${
        actor.role === 'district_centre' ? inArea(actor) : atOrBelowMyLevel(actor, true)
      })`;
    case 'verify':
      // On site: the grid worker of the event's grid for work done above the grid; the community or street
      // for work done at or below their level (a grid worker does not verify its own on-the-spot handling).
      // The community may also verify work done above it in its area, should its grid have no worker.
      if (actor.role === 'grid_worker') return sql`(events.level <> 'grid' AND ${inArea(actor)})`;
      return actor.role === 'community_staff' ? inArea(actor) : atOrBelowMyLevel(actor);
    case 'rate':
      // A resident's answer recorded on a call-back (回访), never by the one who found the problem.
      return sql`(${actor.role === 'district_centre' ? inArea(actor) : atOrBelowMyLevel(actor)} AND events.reported_by IS DISTINCT FROM ${actor.accountId})`;
    default:
      return atMyLevel(actor);
  }
}
