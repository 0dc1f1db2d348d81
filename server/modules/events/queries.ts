import type { Static } from '@sinclair/typebox';
import { and, desc, eq, lt, type SQL, sql } from 'drizzle-orm';
import { execRows } from '../../db/client';
import { events } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../../lib/keyset-cursor';
import { PLACEMENT_COLUMN } from '../areas';
import type { EventContext } from './context';
import { reach } from './policies';
import { presentSummary } from './presenter';
import type { ChangesQuery, ListQuery } from './schemas';

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
