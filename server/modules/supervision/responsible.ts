import { sql } from 'drizzle-orm';

/*
 * SQL fragments over an event row aliased `e`, shared by the sweep and orders issued by hand, so both name
 * the same step and the same responsible unit.
 */

/** States whose step has a clock someone in the district answers for (the reporter's rating is not chased). */
export const CHASED_STATES = ['reported', 'in_progress', 'handled', 'verified'] as const;
export const chasedStates = sql.raw(CHASED_STATES.map((s) => `'${s}'`).join(', '));

/** The department leading the event now (a live lead assignment), or null. */
export const leadDepartment = sql`(SELECT a.department_id FROM event_assignments a
   WHERE a.event_id = e.id AND a.role = 'lead' AND a.state = 'working' ORDER BY a.id DESC LIMIT 1)`;

/** The clocked step of the event's state and level (server/modules/events/deadlines.ts, in SQL). */
export const stepOf = sql`CASE e.state
   WHEN 'reported' THEN 'accept'
   WHEN 'in_progress' THEN CASE WHEN e.level <> 'district' THEN 'handle_' || e.level
     WHEN ${leadDepartment} IS NOT NULL THEN 'department_handle' ELSE 'dispatch' END
   WHEN 'handled' THEN 'verify'
   WHEN 'verified' THEN 'close' END`;

/** Whose step it is: the lead department while it handles a dispatched event, else the event's level. */
export const responsibleDepartment = sql`CASE WHEN e.state = 'in_progress' AND e.level = 'district'
   THEN ${leadDepartment} END`;
export const responsibleArea = sql`CASE e.level WHEN 'grid' THEN e.grid_id WHEN 'community' THEN e.community_id
   WHEN 'street' THEN e.street_id ELSE e.district_id END`;
