import type { Static } from '@sinclair/typebox';
import { type SQL, sql } from 'drizzle-orm';
import { can } from '../../../core/policy/capabilities';
import { PERSON_ACTIONS, type PersonAction, SUPERVISION_WORKFLOW } from '../../../core/supervision/workflow';
import { actionsFrom } from '../../../core/workflow/workflow';
import { execRows, type Orm } from '../../db/client';
import { notFound } from '../../lib/errors';
import type { Actor } from '../auth';
import { mayAnswer, mayOversee, reach } from './policies';
import type { ListQuery, OrderView } from './schemas';

type View = Static<typeof OrderView>;

export const missingOrder = (id: number) => notFound(`Supervision order ${id}`, `督办单 ${id}`);

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

/** The orders matching `where` (in the actor's reach), with what the actor may do on each now. */
async function select(orm: Orm, actor: Actor, where: SQL, now: Date, limit: number): Promise<View[]> {
  const rows = await execRows<Record<string, unknown>>(
    orm,
    sql`SELECT supervision_orders.*, e.number AS event_number, e.title AS event_title,
               ar.name AS area_name, d.name AS department_name,
               ${mayAnswer(actor)} AS may_answer, ${mayOversee(actor)} AS may_oversee
          FROM supervision_orders
          JOIN events e ON e.id = supervision_orders.event_id
          JOIN areas ar ON ar.id = supervision_orders.responsible_area_id
          LEFT JOIN departments d ON d.id = supervision_orders.department_id
         WHERE ${reach(actor)} AND ${where}
         ORDER BY supervision_orders.state = 'closed', supervision_orders.due_at, supervision_orders.id
         LIMIT ${limit}`,
  );
  return rows.map((r) => present(actor, r, now));
}

function present(actor: Actor, r: Record<string, unknown>, now: Date): View {
  const state = r.state as View['state'];
  const dueAt = new Date(r.due_at as string);
  const byRecord: Record<PersonAction, boolean> = {
    answer: r.may_answer === true,
    close: r.may_oversee === true,
    send_back: r.may_oversee === true,
  };
  const fromTable = actionsFrom(SUPERVISION_WORKFLOW, state);
  return {
    id: Number(r.id),
    eventId: Number(r.event_id),
    eventNumber: String(r.event_number),
    eventTitle: String(r.event_title),
    step: String(r.step),
    responsibleLevel: r.responsible_level as View['responsibleLevel'],
    responsibleAreaId: Number(r.responsible_area_id),
    responsibleAreaName: String(r.area_name),
    departmentId: r.department_id == null ? null : Number(r.department_id),
    departmentName: (r.department_name as string | null) ?? null,
    issuedBy: r.issued_by == null ? null : Number(r.issued_by),
    issuer: String(r.issuer),
    reason: String(r.reason),
    dueAt: dueAt.toISOString(),
    overdue: state === 'issued' && dueAt.getTime() < now.getTime(),
    state,
    answer: (r.answer as string | null) ?? null,
    finishBy: iso(r.finish_by),
    sentBackReason: (r.sent_back_reason as string | null) ?? null,
    closeReason: (r.close_reason as string | null) ?? null,
    version: Number(r.version),
    createdAt: iso(r.created_at)!,
    answeredAt: iso(r.answered_at),
    closedAt: iso(r.closed_at),
    allowedActions: PERSON_ACTIONS.filter(
      (a) => fromTable.includes(a) && byRecord[a] && can(actor, a, 'supervision_orders'),
    ),
  };
}

/** One order in the actor's reach, or 404 (out of reach answers like missing). */
export async function getOrder(orm: Orm, actor: Actor, id: number, now = new Date()): Promise<View> {
  const [view] = await select(orm, actor, sql`supervision_orders.id = ${id}`, now, 1);
  if (!view) throw missingOrder(id);
  return view;
}

/** Orders I may see: mine to answer, the ones I issued, or all, with state / overdue / event filters. */
export async function listOrders(orm: Orm, actor: Actor, q: Static<typeof ListQuery>, now = new Date()) {
  const where: SQL[] = [sql`true`];
  if (q.box === 'to_answer') where.push(mayAnswer(actor));
  if (q.box === 'issued') where.push(sql`supervision_orders.issued_by = ${actor.accountId}`);
  if (q.state) where.push(sql`supervision_orders.state = ${q.state}`);
  if (q.overdue !== undefined)
    where.push(
      q.overdue
        ? sql`(supervision_orders.state = 'issued' AND supervision_orders.due_at < ${now.toISOString()}::timestamptz)`
        : sql`NOT (supervision_orders.state = 'issued' AND supervision_orders.due_at < ${now.toISOString()}::timestamptz)`,
    );
  if (q.eventId) where.push(sql`supervision_orders.event_id = ${q.eventId}`);
  return { items: await select(orm, actor, sql.join(where, sql` AND `), now, q.limit ?? 50) };
}
