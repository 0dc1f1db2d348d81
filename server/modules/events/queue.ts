import type { Static } from '@sinclair/typebox';
import { and, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { EventAction } from '../../../core/events/workflow';
import { execRows } from '../../db/client';
import { events } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../../lib/keyset-cursor';
import type { EventContext } from './context';
import { mayTake, reach } from './policies';
import { type EventRow, presentSummary } from './presenter';
import { QUEUES, type QueueName, type QueueQuery } from './schemas';

/** Soonest deadline first; events without a clock last. */
const DUE = sql`coalesce(events.due_at, 'infinity'::timestamptz)`;

/** Each queue: the state it holds and the actions that make an event in it the caller's to do. */
const QUEUE_RULES: Record<QueueName, { state: EventRow['state']; actions: EventAction[] }> = {
  triage: { state: 'reported', actions: ['accept', 'dispatch', 'handle', 'escalate'] },
  in_hand: { state: 'in_progress', actions: ['handle', 'escalate', 'feedback', 'complete', 'dispatch'] },
  extension_requests: { state: 'in_progress', actions: ['approve_extension'] },
  verification: { state: 'handled', actions: ['verify'] },
  closing: { state: 'verified', actions: ['close'] },
  rating: { state: 'closed', actions: ['rate'] },
};

/** The states a queue holds, as the partial queue indexes name them (migration 0016). */
const OPEN = sql`events.state IN ('reported', 'in_progress', 'handled', 'verified', 'closed')`;

function queuePredicate(ctx: EventContext, queue: QueueName): SQL {
  const rule = QUEUE_RULES[queue];
  const any = sql.join(
    rule.actions.map((a) => sql`${mayTake(ctx.actor, a)}`),
    sql` OR `,
  );
  return sql`(events.state = ${rule.state} AND (${any}))`;
}

/**
 * The caller's to-do list: events on which some action is the caller's now, by queue, with counts, deadlines
 * and overdue marks — filtered by the same predicates that refuse a transition, so the two never disagree.
 */
export async function queueOf(ctx: EventContext, query: Static<typeof QueueQuery>) {
  const { limit = 50, cursor } = query;
  const list = `events:queue:${query.queue ?? 'all'}`;
  const after = cursor ? decodeCursor(ctx.pii, list, cursor, 'string') : null;
  const queues = query.queue ? [query.queue] : [...QUEUES];
  const predicates = queues.map((q) => [q, queuePredicate(ctx, q)] as const);
  const counts: Record<string, { total: number; overdue: number }> = {};
  const countColumns = sql.join(
    predicates.map(
      ([q, p]) =>
        sql`count(*) FILTER (WHERE ${p})::int AS ${sql.identifier(`${q}_total`)},
            count(*) FILTER (WHERE ${p} AND events.due_at < now())::int AS ${sql.identifier(`${q}_overdue`)}`,
    ),
    sql`, `,
  );
  const [row] = await execRows<Record<string, number>>(
    ctx.db.orm,
    sql`SELECT ${countColumns} FROM events WHERE ${reach(ctx.actor)} AND ${OPEN}`,
  );
  for (const [q] of predicates)
    counts[q] = { total: row?.[`${q}_total`] ?? 0, overdue: row?.[`${q}_overdue`] ?? 0 };

  const which = sql.join(
    predicates.map(([q, p]) => sql`WHEN ${p} THEN ${q}`),
    sql` `,
  );
  const rows = await ctx.db.orm
    .select({ ...getTableColumns(events), queue: sql<QueueName>`CASE ${which} END` })
    .from(events)
    .where(
      and(
        reach(ctx.actor),
        OPEN,
        sql`(${sql.join(
          predicates.map(([, p]) => p),
          sql` OR `,
        )})`,
        after ? sql`(${DUE}, events.id) > (${after.value}::timestamptz, ${after.id})` : undefined,
      ),
    )
    .orderBy(DUE, events.id)
    .limit(limit + 1);
  const now = Date.now();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    counts,
    items: page.map(({ queue, ...r }) => ({ ...presentSummary(r, now), queue })),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor(ctx.pii, list, last.dueAt ? new Date(last.dueAt).toISOString() : 'infinity', last.id)
        : null,
  };
}
