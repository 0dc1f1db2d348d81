import type { Static } from '@sinclair/typebox';
import { eq, sql } from 'drizzle-orm';
import { type EventAction, eventActionsFor } from '../../../core/events/workflow';
import { execRows, type Orm } from '../../db/client';
import { events } from '../../db/schema';
import type { Actor } from '../auth';
import { mergedInto } from './merged';
import { mayTake } from './policies';
import type { EventSummary, EventView } from './views';

export type EventRow = typeof events.$inferSelect;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentSummary(row: EventRow, now = Date.now()): Static<typeof EventSummary> {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    categoryCode: row.categoryCode,
    title: row.title,
    state: row.state,
    level: row.level,
    urgency: row.urgency,
    districtId: row.districtId,
    streetId: row.streetId,
    communityId: row.communityId,
    gridId: row.gridId,
    dueAt: iso(row.dueAt),
    warnAt: iso(row.warnAt),
    overdue: row.dueAt !== null && new Date(row.dueAt).getTime() < now,
    lat: row.lat,
    lng: row.lon,
    version: row.version,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
  };
}

/** The actions the caller may take on the event now: the loop's table ∩ its role ∩ the record-level policy. */
export async function allowedActions(tx: Orm, actor: Actor, row: EventRow): Promise<EventAction[]> {
  const candidates = eventActionsFor(row.state, actor.role);
  if (candidates.length === 0) return [];
  const columns = Object.fromEntries(candidates.map((a) => [a, sql<boolean>`${mayTake(actor, a)}`]));
  const [flags] = await tx.select(columns).from(events).where(eq(events.id, row.id));
  return candidates.filter((a) => flags?.[a] === true);
}

interface StepRow extends Record<string, unknown> {
  id: number | string;
  action: string;
  from_state: string | null;
  to_state: string;
  from_level: string | null;
  level: string;
  actor_name: string | null;
  actor_role: string | null;
  actor_office: string | null;
  department: string | null;
  reason: string | null;
  note: string | null;
  details: unknown;
  due_at: string | Date | null;
  at: string | Date;
}

interface AssignmentRow extends Record<string, unknown> {
  department_id: number;
  department_code: string;
  department_name: string;
  role: string;
  state: string;
  feedback: string | null;
}

/** An anonymous reporter stays hidden from co-operating departments (and from the people reported). */
function reporterFor(actor: Actor, row: EventRow, assignments: AssignmentRow[], accountName: string | null) {
  const cooperatingOnly =
    actor.role === 'department_staff' &&
    !assignments.some((a) => a.department_id === actor.departmentId && a.role === 'lead');
  if (row.anonymous && (cooperatingOnly || actor.role === 'district_leader')) return null;
  return { accountName, name: row.reporterName, phoneMasked: row.reporterPhoneMasked };
}

/** The event as its page shows it: fields, reporter, assignments, every step with actor names, allowed actions. */
export async function presentEvent(tx: Orm, actor: Actor, row: EventRow): Promise<Static<typeof EventView>> {
  const steps = await execRows<StepRow>(
    tx,
    sql`SELECT s.id, s.action, s.from_state, s.to_state, s.from_level, s.level, acc.display_name AS actor_name,
               s.actor_role, s.actor_office,
               d.name AS department, s.reason, s.note, s.details, s.due_at, s.at
          FROM event_steps s LEFT JOIN accounts acc ON acc.id = s.actor_id
          LEFT JOIN departments d ON d.id = s.department_id
         WHERE s.event_id = ${row.id} ORDER BY s.id`,
  );
  const assignments = await execRows<AssignmentRow>(
    tx,
    sql`SELECT a.department_id, d.code AS department_code, d.name AS department_name, a.role, a.state, a.feedback
          FROM event_assignments a JOIN departments d ON d.id = a.department_id
         WHERE a.event_id = ${row.id} ORDER BY a.role DESC, a.id`,
  );
  const [reporter] = row.reportedBy
    ? await execRows<{ name: string }>(
        tx,
        sql`SELECT display_name AS name FROM accounts WHERE id = ${row.reportedBy}`,
      )
    : [];
  return {
    ...presentSummary(row),
    description: row.description,
    addressText: row.addressText,
    source: row.source,
    sensitive: row.sensitive,
    anonymous: row.anonymous,
    reporter: reporterFor(actor, row, assignments, reporter?.name ?? null),
    links: {
      addressId: row.addressId,
      houseId: row.houseId,
      residentId: row.residentId,
      enterpriseId: row.enterpriseId,
    },
    mergedInto: row.mergedInto,
    mergedEvents: (await mergedInto(tx, actor, row.id)).map((m) => ({
      id: m.id,
      number: m.number,
      title: m.title,
      reportedAt: iso(m.created_at)!,
      mergedAt: iso(m.merged_at)!,
      mergedBy: m.merged_by,
      // The duplicate's reporter, hidden as the target's own would be when anonymous.
      reporter: reporterFor(
        actor,
        {
          ...row,
          anonymous: m.anonymous,
          reporterName: m.reporter_name,
          reporterPhoneMasked: m.reporter_phone_masked,
        },
        assignments,
        m.reporter_account,
      ),
    })),
    extensionUntil: iso(row.extensionUntil),
    rating: row.rating,
    closedByFinder: row.closedByFinder,
    closedAt: iso(row.closedAt),
    assignments: assignments.map((a) => ({
      departmentCode: a.department_code,
      departmentName: a.department_name,
      role: a.role,
      state: a.state,
      feedback: a.feedback,
    })),
    steps: steps.map((s) => ({
      id: Number(s.id),
      action: s.action,
      fromState: s.from_state,
      toState: s.to_state,
      fromLevel: s.from_level,
      level: s.level,
      actorName: s.actor_name,
      actorRole: s.actor_role,
      actorOffice: s.actor_office,
      department: s.department,
      reason: s.reason,
      note: s.note,
      details: s.details,
      dueAt: iso(s.due_at),
      at: iso(s.at)!,
    })),
    allowedActions: await allowedActions(tx, actor, row),
  };
}
