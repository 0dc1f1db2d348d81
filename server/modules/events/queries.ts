import type { Static } from '@sinclair/typebox';
import { and, desc, eq, getTableColumns, lt, type SQL, sql } from 'drizzle-orm';
import type { EventAction } from '../../../core/events/workflow';
import { execRows } from '../../db/client';
import { events } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../../lib/keyset-cursor';
import { PLACEMENT_COLUMN } from '../areas';
import type { EventContext } from './context';
import { mayTake, reach } from './policies';
import { type EventRow, presentSummary } from './presenter';
import { type ChangesQuery, type ListQuery, QUEUES, type QueueName, type QueueQuery } from './schemas';

/** Events in reach, newest first, with filters; keyset pages by id. */
export async function listEvents(ctx: EventContext, query: Static<typeof ListQuery>) {
  const { cursor, limit = 20, ...filters } = query;
  const list = `events:list:${JSON.stringify(Object.entries(filters).sort())}`;
  const where: (SQL | undefined)[] = [reach(ctx.actor)];
  if (filters.state) where.push(eq(events.state, filters.state));
  if (filters.level) where.push(eq(events.level, filters.level));
  if (filters.kind) where.push(eq(events.kind, filters.kind));
  if (filters.categoryCode) where.push(eq(events.categoryCode, filters.categoryCode));
  if (filters.area) {
    const area = ctx.areas.resolve(filters.area);
    where.push(sql`${sql.identifier(PLACEMENT_COLUMN[area.level])} = ${area.id}`);
  }
  if (cursor) where.push(lt(events.id, decodeCursor(ctx.pii, list, cursor, 'none').id));
  const rows = await ctx.db.orm
    .select()
    .from(events)
    .where(and(...where))
    .orderBy(desc(events.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => presentSummary(r)),
    nextCursor: rows.length > limit && last ? encodeCursor(ctx.pii, list, null, last.id) : null,
  };
}

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
  const { limit = 50 } = query;
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
      ),
    )
    .orderBy(sql`events.due_at ASC NULLS LAST`, events.id)
    .limit(limit);
  const now = Date.now();
  return { counts, items: rows.map(({ queue, ...r }) => ({ ...presentSummary(r, now), queue })) };
}

interface ChangeRow extends Record<string, unknown> {
  id: string | number;
  tx_id: string | number;
  event_id: number;
  number: string;
  action: string;
  from_state: string | null;
  to_state: string;
  level: string;
  at: string | Date;
}

const FEED = 'events:changes';

/**
 * Steps of events in reach since a cursor, in commit-safe order: only steps of transactions older than every
 * transaction still running are handed out, so a step that commits late is never skipped by a cursor.
 */
export async function changesSince(ctx: EventContext, query: Static<typeof ChangesQuery>) {
  const { since, limit = 100 } = query;
  const after = since ? decodeCursor(ctx.pii, FEED, since, 'number') : { value: 0, id: 0 };
  const rows = await execRows<ChangeRow>(
    ctx.db.orm,
    sql`SELECT s.id, s.tx_id, s.event_id, events.number, s.action, s.from_state, s.to_state, s.level, s.at
          FROM event_steps s JOIN events ON events.id = s.event_id
         WHERE ${reach(ctx.actor)}
           AND s.tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
           AND (s.tx_id, s.id) > (${after.value}::bigint, ${after.id}::bigint)
         ORDER BY s.tx_id, s.id LIMIT ${limit}`,
  );
  const last = rows.at(-1);
  return {
    items: rows.map((r) => ({
      stepId: Number(r.id),
      eventId: r.event_id,
      number: r.number,
      action: r.action,
      fromState: r.from_state,
      toState: r.to_state,
      level: r.level,
      at: new Date(r.at).toISOString(),
    })),
    nextCursor: last ? encodeCursor(ctx.pii, FEED, Number(last.tx_id), Number(last.id)) : (since ?? null),
  };
}
