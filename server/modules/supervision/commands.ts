import type { Static } from '@sinclair/typebox';
import { and, eq, sql } from 'drizzle-orm';
import { DEFAULT_TIME_LIMITS, deadlineFor, type Urgency } from '../../../core/events/time-limits';
import {
  type PersonAction,
  SUPERVISION_WORKFLOW,
  type SupervisionState,
  stepOrder,
} from '../../../core/supervision/workflow';
import { CHINA_CALENDAR } from '../../../core/time/china-calendar';
import { actionsFrom } from '../../../core/workflow/workflow';
import { type Database, execRows, type Orm } from '../../db/client';
import { outbox, supervisionOrders } from '../../db/schema';
import { conflict, DomainError, invalidField, notFound } from '../../lib/errors';
import { appendAudit } from '../audit';
import { type Actor, actorLabel } from '../auth';
import { mayTake, reach } from './policies';
import { getOrder, missingOrder } from './queries';
import { CHASED_STATES, responsibleArea, responsibleDepartment, stepOf } from './responsible';
import type { ActionBody, IssueBody } from './schemas';

type OrderRow = typeof supervisionOrders.$inferSelect;

/** A refused action on an order in reach: its state, version and the actions allowed now go with the answer. */
export class OrderRefused extends DomainError {
  constructor(
    readonly status: 403 | 409,
    code: string,
    text: { en: string; zh: string },
    readonly state: SupervisionState,
    readonly version: number,
    readonly allowedActions: string[],
  ) {
    super(status, code, text, code === 'version_conflict' ? 'version' : undefined);
  }
}

interface Ctx {
  db: Database;
  actor: Actor;
  requestId: string;
}

/** The outbox row and, last, the audit row of an order's step, in its transaction. */
async function record(tx: Orm, ctx: Ctx, row: OrderRow, action: string, from: SupervisionState | null) {
  await tx.insert(outbox).values({
    topic: `supervision.${action}`,
    recordId: row.id,
    payload: {
      eventId: row.eventId,
      orderId: row.id,
      from,
      to: row.state,
      step: row.step,
      responsibleLevel: row.responsibleLevel,
      departmentId: row.departmentId,
      issuedBy: row.issuedBy,
      actorId: ctx.actor.accountId,
      version: row.version,
    },
  });
  await appendAudit(tx, {
    actorId: ctx.actor.accountId,
    actor: actorLabel(ctx.actor),
    action: `supervision.${action}`,
    objectType: 'supervision_order',
    objectId: row.id,
    requestId: ctx.requestId,
    details: { eventId: row.eventId, from, to: row.state },
  });
}

/** Who may issue by hand on which event: the district centre in its district, a street centre on steps below it. */
function issueReach(actor: Actor) {
  const ids = actor.areaIds.length
    ? sql.join(
        actor.areaIds.map((id) => sql`${id}`),
        sql`, `,
      )
    : sql`NULL`;
  if (actor.role === 'district_centre') return sql`e.district_id IN (${ids})`;
  if (actor.role === 'street_staff')
    return sql`(e.street_id IN (${ids}) AND e.level IN ('grid', 'community'))`;
  return sql`false`;
}

/** An order issued by hand on the event's current step; one open order per event at a time. */
export async function issueOrder(ctx: Ctx, body: Static<typeof IssueBody>, now = new Date()) {
  if (!body.reason.trim()) throw invalidField('reason', 'must not be blank', '不能为空');
  const id = await ctx.db.orm.transaction(async (tx) => {
    const [event] = await execRows<{
      id: number;
      state: string;
      due_at: string | null;
      category_code: string;
      urgency: Urgency;
    }>(
      tx,
      sql`SELECT e.id, e.state, e.due_at, e.category_code, e.urgency FROM events e
           WHERE e.id = ${body.eventId} AND ${issueReach(ctx.actor)} FOR UPDATE`,
    );
    if (!event) throw notFound(`Event ${body.eventId}`, `事件 ${body.eventId}`);
    if (!(CHASED_STATES as readonly string[]).includes(event.state) || event.due_at == null)
      throw conflict(
        'not_supervisable',
        `Event ${body.eventId} is ${event.state}: no running step to supervise`,
        `事件 ${body.eventId} 当前状态为 ${event.state}，没有可督办的环节`,
      );
    const { dueAt } = deadlineFor(
      DEFAULT_TIME_LIMITS,
      CHINA_CALENDAR,
      { category: event.category_code, urgency: event.urgency, step: 'supervision_answer' },
      now,
    );
    const [row] = await execRows<{ id: number }>(
      tx,
      sql`INSERT INTO supervision_orders (event_id, step, event_state, event_level, step_due_at,
            responsible_level, responsible_area_id, department_id, district_id, street_id, issued_by, issuer,
            reason, due_at, state)
          SELECT e.id, ${stepOf}, e.state, e.level, e.due_at, e.level, ${responsibleArea}, ${responsibleDepartment},
                 e.district_id, e.street_id, ${ctx.actor.accountId}, ${actorLabel(ctx.actor)}, ${body.reason.trim()},
                 ${dueAt.toISOString()}::timestamptz, 'issued'
            FROM events e WHERE e.id = ${event.id}
          ON CONFLICT DO NOTHING RETURNING id`,
    );
    if (!row)
      throw conflict(
        'already_supervised',
        `Event ${body.eventId} already has an open supervision order`,
        `事件 ${body.eventId} 已有未办结的督办单`,
      );
    const [order] = await tx
      .select()
      .from(supervisionOrders)
      .where(eq(supervisionOrders.id, Number(row.id)));
    await record(tx, ctx, order!, 'issued', null);
    return order!.id;
  });
  return getOrder(ctx.db.orm, ctx.actor, id, now);
}

async function allowedOn(tx: Orm, actor: Actor, row: OrderRow): Promise<string[]> {
  const view = await getOrder(tx, actor, row.id).catch(() => null);
  return view?.allowedActions ?? [];
}

/** What each action writes besides state and version. */
function changes(action: PersonAction, body: ActionBody, actor: Actor, now: Date) {
  if (action === 'answer') {
    if (!body.answer?.trim()) throw invalidField('answer', 'must not be blank', '不能为空');
    const finishBy = new Date(body.finishBy!);
    if (Number.isNaN(finishBy.getTime()) || finishBy.getTime() < now.getTime() - 60_000)
      throw invalidField('finishBy', 'must be a time from now on', '须为当前或之后的时间');
    return { answer: body.answer!.trim(), finishBy, answeredBy: actor.accountId, answeredAt: now };
  }
  if (action === 'send_back') return { sentBackReason: body.reason!.trim() };
  return { closeReason: 'accepted' as const, closedBy: actor.accountId, closedAt: now };
}

/**
 * Answer, close or send back, in one transaction: lock in reach (404), version (409), the table (409 / 400
 * for a missing reason), the record-level policy (403), the update, the outbox row and the audit row.
 */
export async function takeAction(
  ctx: Ctx,
  id: number,
  action: PersonAction,
  body: ActionBody,
  now = new Date(),
) {
  await ctx.db.orm.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(supervisionOrders)
      .where(and(eq(supervisionOrders.id, id), reach(ctx.actor)))
      .for('update');
    if (!row) throw missingOrder(id);
    const refuse = async (status: 403 | 409, code: string, en: string, zh: string) =>
      new OrderRefused(status, code, { en, zh }, row.state, row.version, await allowedOn(tx, ctx.actor, row));
    if (body.version !== row.version)
      throw await refuse(
        409,
        'version_conflict',
        `Supervision order ${id} was changed by someone else (now version ${row.version}, state ${row.state}; you sent ${body.version}). Reload and retry`,
        `督办单 ${id} 已被他人处理（当前版本 ${row.version}，状态 ${row.state}），请刷新后重试`,
      );
    const next = stepOrder(row.state, action, body.reason);
    if (!next.ok) {
      if (next.code === 'reason_required')
        throw invalidField('reason', `'${action}' needs a reason`, `“${action}”需要填写理由`);
      throw await refuse(
        409,
        'not_allowed_now',
        `Supervision order ${id} is ${row.state}: '${action}' is not possible now (the table allows ${actionsFrom(SUPERVISION_WORKFLOW, row.state).join(', ') || 'nothing'})`,
        `督办单 ${id} 当前状态为 ${row.state}，现在不能执行“${action}”`,
      );
    }
    const [mine] = await execRows<{ ok: boolean }>(
      tx,
      sql`SELECT ${mayTake(ctx.actor, action)} AS ok FROM supervision_orders WHERE id = ${id}`,
    );
    if (mine?.ok !== true)
      throw await refuse(
        403,
        'not_your_step',
        `Supervision order ${id}: '${action}' is not yours to take`,
        `督办单 ${id}：“${action}”不由您办理`,
      );
    const [after] = await tx
      .update(supervisionOrders)
      .set({
        ...changes(action, body, ctx.actor, now),
        state: next.to,
        version: sql`${supervisionOrders.version} + 1`,
        updatedAt: now,
      })
      .where(eq(supervisionOrders.id, id))
      .returning();
    await record(
      tx,
      ctx,
      after!,
      action === 'close' ? 'closed' : action === 'answer' ? 'answered' : action,
      row.state,
    );
  });
  return getOrder(ctx.db.orm, ctx.actor, id, now);
}
