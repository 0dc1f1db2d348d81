import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type EventAction, type EventLevel, type EventState, stepEvent } from '../../../core/events/workflow';
import type { Orm } from '../../db/client';
import { eventSteps, events, outbox } from '../../db/schema';
import { invalidField, notFound } from '../../lib/errors';
import { appendAudit } from '../audit';
import { actorLabel } from '../auth';
import type { EventContext } from './context';
import { nextDeadline, startsNewClock } from './deadlines';
import { mayTake, reach } from './policies';
import { allowedActions, type EventRow, presentEvent } from './presenter';
import { notAllowedNow, notYourStep, staleVersion } from './refusals';
import type { ActionBody } from './schemas';

/** What a command changes besides the state and version, and what its step row records. */
export interface Effect {
  set?: { [K in keyof typeof events.$inferInsert]?: (typeof events.$inferInsert)[K] | SQL };
  departmentId?: number | null;
  details?: Record<string, unknown>;
}

export interface CommandInput<B extends ActionBody = ActionBody> {
  tx: Orm;
  ctx: EventContext;
  event: EventRow;
  body: B;
  to: EventState;
}

/** One action of the loop: its own checks and writes, inside the runner's transaction. */
export interface Command<B extends ActionBody = ActionBody> {
  action: EventAction;
  run(input: CommandInput<B>): Promise<Effect> | Effect;
}

export const missingEvent = (id: number) => notFound(`Event ${id}`, `事件 ${id}`);

/** The event in the actor's reach, or 404 (out of reach answers like missing). */
export async function findInReach(orm: Orm, ctx: EventContext, id: number): Promise<EventRow> {
  const [row] = await orm
    .select()
    .from(events)
    .where(and(eq(events.id, id), reach(ctx.actor)));
  if (!row) throw missingEvent(id);
  return row;
}

/** The event in the actor's reach, locked for the transaction, or 404. */
export async function lockInReach(tx: Orm, ctx: EventContext, id: number): Promise<EventRow> {
  const [row] = await tx
    .select()
    .from(events)
    .where(and(eq(events.id, id), reach(ctx.actor)))
    .for('update');
  if (!row) throw missingEvent(id);
  return row;
}

async function mayTakeOn(tx: Orm, ctx: EventContext, action: EventAction, id: number) {
  const [row] = await tx
    .select({ ok: sql<boolean>`${mayTake(ctx.actor, action)}` })
    .from(events)
    .where(eq(events.id, id));
  return row?.ok === true;
}

/**
 * Every transition of every event runs here, in one transaction: lock in reach (404), version (409), the
 * loop's table (409 / 400 for a missing reason), the record-level policy (403), the command's own writes, the
 * event's update, the step row, the outbox row and, last, the audit row. A refusal writes nothing.
 */
export async function runTransition<B extends ActionBody>(
  ctx: EventContext,
  id: number,
  command: Command<B>,
  body: B,
) {
  const { action } = command;
  const row = await ctx.db.orm.transaction(async (tx) => {
    const event = await lockInReach(tx, ctx, id);
    const allowed = () => allowedActions(tx, ctx.actor, event);
    if (body.version !== event.version)
      throw staleVersion(id, body.version, event.state, event.version, await allowed());
    const next = stepEvent(event.state, action, body.reason);
    if (!next.ok) {
      if (next.code === 'reason_required')
        throw invalidField('reason', `'${action}' needs a reason`, `“${action}”需要填写理由`);
      throw notAllowedNow(id, action, event.state, event.version, await allowed());
    }
    if (!(await mayTakeOn(tx, ctx, action, id)))
      throw notYourStep(id, action, event.state, event.version, await allowed());

    const effect = await command.run({ tx, ctx, event, body, to: next.to });
    const level = (effect.set?.level as EventLevel | undefined) ?? event.level;
    const deadline = startsNewClock(action, event, next.to, level)
      ? await nextDeadline(tx, event, next.to, level)
      : {};
    const [after] = await tx
      .update(events)
      .set({
        ...effect.set,
        ...deadline,
        state: next.to,
        version: sql`${events.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(events.id, id))
      .returning();
    await recordStep(tx, ctx, {
      event: after!,
      action,
      fromState: event.state,
      fromLevel: event.level,
      reason: body.reason ?? null,
      note: body.note ?? null,
      effect,
    });
    return after!;
  });
  return presentEvent(ctx.db.orm, ctx.actor, row);
}

/** The actor's office now, kept on the step: the department, else the areas the account is bound to. */
function officeOf(ctx: EventContext): string | null {
  if (ctx.actor.departmentName) return ctx.actor.departmentName;
  const names = ctx.actor.areaIds.map((id) => ctx.areas.byIdOrNull(id)?.name).filter((n) => n !== undefined);
  return names.length > 0 ? names.join('、').slice(0, 200) : null;
}

interface StepRecord {
  event: EventRow;
  action: EventAction | 'report';
  fromState: EventState | null;
  fromLevel: EventLevel | null;
  reason: string | null;
  note: string | null;
  effect: Effect;
}

/** The step row, the outbox row for what follows after commit, and the audit row (last: its lock is short). */
export async function recordStep(tx: Orm, ctx: EventContext, s: StepRecord) {
  const { event, action, effect } = s;
  const [step] = await tx
    .insert(eventSteps)
    .values({
      eventId: event.id,
      action,
      fromState: s.fromState,
      toState: event.state,
      fromLevel: s.fromLevel,
      level: event.level,
      actorId: ctx.actor.accountId,
      actor: actorLabel(ctx.actor),
      actorRole: ctx.actor.role,
      actorOffice: officeOf(ctx),
      departmentId: effect.departmentId ?? ctx.actor.departmentId,
      reason: s.reason,
      note: s.note,
      details: effect.details ?? {},
      dueAt: event.dueAt,
      txId: sql`(pg_current_xact_id()::text::bigint)`,
    })
    .returning({ id: eventSteps.id });
  await tx.insert(outbox).values({
    topic: `event.${action}`,
    recordId: event.id,
    payload: {
      stepId: step!.id,
      number: event.number,
      from: s.fromState,
      to: event.state,
      fromLevel: s.fromLevel,
      level: event.level,
      version: event.version,
      ...effect.details,
    },
  });
  await appendAudit(tx, {
    actorId: ctx.actor.accountId,
    actor: actorLabel(ctx.actor),
    action: `events.${action}`,
    objectType: 'event',
    objectId: event.id,
    requestId: ctx.requestId,
    details: { number: event.number, from: s.fromState, to: event.state, level: event.level },
  });
}
