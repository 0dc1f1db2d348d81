import type { Static } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { execRows } from '../../db/client';
import { invalidField } from '../../lib/errors';
import type { RoutingContext } from './context';
import type { AcceptanceQuery } from './schemas';

const DAY = 86_400_000;

interface Row extends Record<string, unknown> {
  id: number | null;
  rule_id: number | null;
  version: number | null;
  category_code: string;
  dispatches: number;
  followed: number;
}

const rate = (dispatches: number, followed: number) => ({
  dispatches,
  followed,
  rate: dispatches ? Math.round((followed / dispatches) * 1000) / 1000 : null,
});

/**
 * How often dispatchers took the suggestion as offered, over dispatches in [from, to) of the district's events:
 * overall, per rule version (null: the catalogue's default) and per category. Each dispatch step records the
 * suggestion it was offered and whether it followed it; a dispatch recorded before suggestions existed is left out.
 */
export async function acceptance(ctx: RoutingContext, q: Static<typeof AcceptanceQuery>) {
  const to = q.to ? new Date(q.to) : new Date();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 90 * DAY);
  if (from >= to) throw invalidField('from', 'must be before `to`', '必须早于 to');
  const districtId = ctx.areas.byIdOrNull(ctx.actor.areaIds[0])?.districtId ?? 0;
  const rows = await execRows<Row>(
    ctx.orm,
    sql`SELECT (s.details->'suggestion'->'rule'->>'id')::int AS id,
               (s.details->'suggestion'->'rule'->>'ruleId')::int AS rule_id,
               (s.details->'suggestion'->'rule'->>'version')::int AS version,
               e.category_code,
               count(*)::int AS dispatches,
               count(*) FILTER (WHERE (s.details->'suggestion'->>'followed')::boolean)::int AS followed
          FROM event_steps s JOIN events e ON e.id = s.event_id
         WHERE s.action = 'dispatch' AND s.details ? 'suggestion' AND e.district_id = ${districtId}
           AND s.at >= ${from.toISOString()} AND s.at < ${to.toISOString()}
         GROUP BY 1, 2, 3, 4`,
  );
  const sum = (list: Row[]) =>
    rate(
      list.reduce((n, r) => n + r.dispatches, 0),
      list.reduce((n, r) => n + r.followed, 0),
    );
  const group = <K extends string>(key: (r: Row) => K) => {
    const groups = new Map<K, Row[]>();
    for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    return [...groups.entries()];
  };
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    overall: sum(rows),
    byRule: group((r) => String(r.id ?? '')).map(([, [first, ...rest]]) => ({
      rule: first!.id === null ? null : { id: first!.id, ruleId: first!.rule_id!, version: first!.version! },
      ...sum([first!, ...rest]),
    })),
    byCategory: group((r) => r.category_code)
      .map(([categoryCode, list]) => ({ categoryCode, ...sum(list) }))
      .sort((a, b) => a.categoryCode.localeCompare(b.categoryCode)),
  };
}
