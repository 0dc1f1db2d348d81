import type { Static } from '@sinclair/typebox';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { execRows } from '../../db/client';
import { events } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../../lib/keyset-cursor';
import { PLACEMENT_COLUMN } from '../areas';
import type { EventContext } from './context';
import { reach } from './policies';
import { type EventRow, presentSummary } from './presenter';
import type { ChangesQuery, ListQuery } from './schemas';

/** How each list sort orders: the SQL value, its cursor kind and how a cursor value is cast back. */
const SORTS = {
  created: { value: sql`events.created_at`, kind: 'string', cast: sql`::timestamptz` },
  // Events without a clock (shelved, ended) sort as if their deadline were latest, as in the queue.
  due: {
    value: sql`coalesce(events.due_at, 'infinity'::timestamptz)`,
    kind: 'string',
    cast: sql`::timestamptz`,
  },
  urgency: {
    value: sql`(CASE events.urgency WHEN 'emergency' THEN 2 WHEN 'urgent' THEN 1 ELSE 0 END)`,
    kind: 'number',
    cast: sql`::int`,
  },
} as const;
const URGENCY_RANK = { normal: 0, urgent: 1, emergency: 2 } as const;

function sortValue(sort: keyof typeof SORTS, row: EventRow): string | number {
  if (sort === 'urgency') return URGENCY_RANK[row.urgency];
  if (sort === 'due') return row.dueAt ? new Date(row.dueAt).toISOString() : 'infinity';
  return new Date(row.createdAt).toISOString();
}

/**
 * Events in reach with filters, sorted by creation (newest first by default), deadline or urgency; keyset pages
 * on (sort value, id), so every filter and order holds over all pages, not only the one shown.
 */
export async function listEvents(ctx: EventContext, query: Static<typeof ListQuery>) {
  const { cursor, limit = 20, sort = 'created', order = 'desc', ...filters } = query;
  const list = `events:list:${sort}:${order}:${JSON.stringify(Object.entries(filters).sort())}`;
  const by = SORTS[sort];
  const where: (SQL | undefined)[] = [reach(ctx.actor)];
  if (filters.state) where.push(eq(events.state, filters.state));
  if (filters.level) where.push(eq(events.level, filters.level));
  if (filters.kind) where.push(eq(events.kind, filters.kind));
  if (filters.categoryCode) where.push(eq(events.categoryCode, filters.categoryCode));
  if (filters.urgency) where.push(eq(events.urgency, filters.urgency));
  if (filters.overdue === true) where.push(sql`events.due_at < now()`);
  if (filters.overdue === false) where.push(sql`(events.due_at IS NULL OR events.due_at >= now())`);
  if (filters.area) {
    const area = ctx.areas.resolve(filters.area);
    where.push(sql`${sql.identifier(PLACEMENT_COLUMN[area.level])} = ${area.id}`);
  }
  if (cursor) {
    const after = decodeCursor(ctx.pii, list, cursor, by.kind);
    const cmp = order === 'desc' ? sql`<` : sql`>`;
    where.push(sql`(${by.value}, events.id) ${cmp} (${after.value}${by.cast}, ${after.id}::int)`);
  }
  const direction = order === 'desc' ? sql`DESC` : sql`ASC`;
  const rows = await ctx.db.orm
    .select()
    .from(events)
    .where(and(...where))
    .orderBy(sql`${by.value} ${direction}`, sql`events.id ${direction}`)
    .limit(limit + 1);
  const now = Date.now();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => presentSummary(r, now)),
    nextCursor:
      rows.length > limit && last ? encodeCursor(ctx.pii, list, sortValue(sort, last), last.id) : null,
  };
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
