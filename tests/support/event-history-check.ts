import {
  EVENT_ACTION_ROLES,
  EVENT_LEVELS,
  EVENT_REPORTER_ROLES,
  type EventAction,
  type EventLevel,
  type EventState,
  levelAbove,
  levelBelow,
  stepEvent,
} from '../../core/events/workflow';
import { ROLE_AREA_LEVEL, type Role } from '../../core/policy/roles';
import type { Database } from '../../server/db/client';

interface StepRow extends Record<string, unknown> {
  event_id: number;
  action: EventAction | 'report';
  from_state: EventState | null;
  to_state: EventState;
  from_level: EventLevel | null;
  level: EventLevel;
  reason: string | null;
  at: Date | string;
  role: Role;
  area_id: number | null;
  department_id: number | null;
  actor_id: number;
  areas: number[];
  reported_by: number;
  lead_departments: number[] | null;
  cooperating_departments: number[] | null;
}

const SAME_LEVEL: EventAction[] = [
  'accept',
  'handle',
  'escalate',
  'send_back',
  'dispatch',
  'close',
  'void',
  'merge',
];
const rank = (level: EventLevel | null) => EVENT_LEVELS.indexOf(level as EventLevel);
/** Report dates of the demo history: 2023-11-28 … 2026-11-27 in China Standard Time. */
const FIRST = Date.parse('2023-11-28T00:00:00+08:00');
const LAST = Date.parse('2026-11-28T00:00:00+08:00');

/**
 * Replays every event's steps through the loop's table and checks who took each: the role may take the action,
 * an area account acts inside its area at the level the record-level policy names, a department only on work
 * assigned to it; the event row ends where its last step does. Answers the faults found (empty when none).
 */
export async function historyFaults(db: Database): Promise<string[]> {
  const rows = await db.query<StepRow>(
    `SELECT s.event_id, s.action, s.from_state, s.to_state, s.from_level, s.level, s.reason, s.at, s.actor_id,
            a.role, a.area_ids[1] AS area_id, a.department_id, e.reported_by,
            ARRAY[e.district_id, e.street_id, e.community_id, e.grid_id] AS areas,
            (SELECT array_agg(department_id) FROM event_assignments x WHERE x.event_id = e.id AND x.role = 'lead')
              AS lead_departments,
            (SELECT array_agg(department_id) FROM event_assignments x WHERE x.event_id = e.id AND x.role = 'cooperating')
              AS cooperating_departments
       FROM event_steps s JOIN events e ON e.id = s.event_id JOIN accounts a ON a.id = s.actor_id
      WHERE e.created_at < '2026-11-28T00:00:00+08:00'
      ORDER BY s.event_id, s.id`,
  );
  const events = await db.query<{ id: number; state: EventState; level: EventLevel; version: number }>(
    `SELECT id, state, level, version FROM events WHERE created_at < '2026-11-28T00:00:00+08:00' ORDER BY id`,
  );
  const faults: string[] = [];
  const last = new Map<number, { state: EventState; level: EventLevel; n: number; at: number }>();
  for (const s of rows) {
    const fault = (what: string) => faults.push(`event ${s.event_id} ${s.action}: ${what}`);
    const at = new Date(s.at).getTime();
    const before = last.get(s.event_id);
    if (!before) {
      if (s.action !== 'report' || s.from_state !== null || s.to_state !== 'reported')
        fault('does not start with a report');
      if (!EVENT_REPORTER_ROLES.includes(s.role)) fault(`reported by a ${s.role}`);
      if (at < FIRST || at >= LAST) fault('reported outside the three years');
      last.set(s.event_id, { state: 'reported', level: s.level, n: 1, at });
      continue;
    }
    if (s.action === 'report') fault('a second report');
    const action = s.action as EventAction;
    const next = stepEvent(before.state, action, s.reason);
    if (!next.ok) fault(`not allowed from ${before.state} (${next.code})`);
    else if (next.to !== s.to_state) fault(`leads to ${next.to}, recorded ${s.to_state}`);
    if (s.from_state !== before.state || s.from_level !== before.level)
      fault('from state or level not the previous step');
    const level =
      action === 'escalate'
        ? levelAbove(before.level)
        : action === 'send_back'
          ? levelBelow(before.level)
          : before.level;
    if (level !== s.level) fault(`level ${s.level}, expected ${level}`);
    if (at < before.at || at >= LAST) fault('out of time order or after the history');
    if (!EVENT_ACTION_ROLES[action].includes(s.role)) fault(`taken by a ${s.role}`);
    const policy = policyFault(s, before.level);
    if (policy) fault(policy);
    last.set(s.event_id, { state: s.to_state, level: s.level, n: before.n + 1, at });
  }
  for (const e of events) {
    const end = last.get(e.id);
    if (!end || end.state !== e.state || end.level !== e.level || end.n !== e.version)
      faults.push(`event ${e.id}: row (${e.state}, ${e.level}, v${e.version}) is not where its steps end`);
  }
  return faults;
}

/** The record-level rule (server/modules/events/policies.ts, restated) the actor broke, or null. */
function policyFault(s: StepRow, level: EventLevel): string | null {
  if (s.role === 'department_staff') {
    const lead = s.lead_departments ?? [];
    const co = s.cooperating_departments ?? [];
    const mine = s.action === 'feedback' ? co : lead;
    return mine.includes(s.department_id!) ? null : 'a department not assigned the work';
  }
  if (!s.areas.includes(s.area_id!)) return 'outside the actor’s area';
  const own = ROLE_AREA_LEVEL[s.role];
  if (
    SAME_LEVEL.includes(s.action as EventAction) ||
    s.action === 'shelve' ||
    s.action === 'restore' ||
    s.action === 'rework'
  )
    return own === level ? null : `a ${s.role} acting at ${level} level`;
  if (s.action === 'verify')
    return (s.role === 'grid_worker' ? level !== 'grid' : rank(own) >= rank(level))
      ? null
      : `verified by a ${s.role} at ${level}`;
  if (s.action === 'rate') {
    if (s.actor_id === s.reported_by) return 'rated by the reporter';
    return s.role === 'district_centre' || rank(own) >= rank(level)
      ? null
      : `rated by a ${s.role} at ${level}`;
  }
  if (s.action === 'approve_extension' || s.action === 'refuse_extension')
    return s.role === 'district_centre' || rank(own) > rank(level)
      ? null
      : `extension decided by a ${s.role}`;
  if (s.action === 'ask_extension')
    return own === level ? null : `extension asked by a ${s.role} at ${level}`;
  return null;
}
