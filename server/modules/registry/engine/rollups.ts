import { type SQL, sql } from 'drizzle-orm';
import { execRows, type Orm } from '../../../db/client';
import { DEEPEST, METRICS } from './counts';
import type { Metrics } from './types';

/**
 * area_counts kept by deltas: each write adds what its rows' contributions changed by, in its own
 * transaction, with `n = n + delta`. No scan of the area and no area lock: two transactions writing in the
 * same grid both succeed, the second waiting only on the area_counts row the first updated, until the
 * first commits, and the total is exact. Every transaction writes its area_counts rows in one statement,
 * in (area, metric) order, so two writers cannot deadlock on them. Rows that fall to 0 are kept: a missing
 * row and a 0 mean the same (checkAreaCounts compares them so).
 */

/** One row's (or a group's) share of a metric in an area. */
export interface Delta {
  areaId: number;
  metric: string;
  n: number;
}

/** `(VALUES ('residents', true), ('floatingResidents', (household_type = 'floating')))`, or null: no metric. */
function metricHits(table: string, metrics: Metrics): SQL | null {
  const hits = Object.entries(metrics)
    .filter(([, m]) => m.table === table)
    .map(([metric, m]) => sql`(${metric}::text, ${sql.raw(m.where ? `(${m.where})` : 'true')})`);
  return hits.length ? sql`(VALUES ${sql.join(hits, sql`, `)}) AS m(metric, hit)` : null;
}

const idList = (ids: number[]) =>
  sql`(${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;

/** What the active rows of `table` whose `column` is one of `ids` count for, per area and metric. */
export async function contributions(
  tx: Orm,
  table: string,
  column: string,
  ids: number[],
  metrics: Metrics = METRICS,
): Promise<Delta[]> {
  const hits = metricHits(table, metrics);
  if (!hits || ids.length === 0) return [];
  return execRows<Delta>(
    tx,
    sql`SELECT ${sql.raw(DEEPEST)} AS "areaId", m.metric, count(*)::int AS n
          FROM ${sql.identifier(table)} CROSS JOIN LATERAL ${hits}
         WHERE ${sql.identifier(column)} IN ${idList(ids)} AND archived_at IS NULL AND m.hit
         GROUP BY 1, 2`,
  );
}

/** after − before, per area and metric, without the zeros. */
export function difference(before: Delta[], after: Delta[]): Delta[] {
  const sum = new Map<string, Delta>();
  const add = (d: Delta, sign: number) => {
    const key = `${d.areaId}\u0000${d.metric}`;
    const entry = sum.get(key) ?? { areaId: d.areaId, metric: d.metric, n: 0 };
    entry.n += sign * d.n;
    sum.set(key, entry);
  };
  for (const d of before) add(d, -1);
  for (const d of after) add(d, 1);
  return [...sum.values()].filter((d) => d.n !== 0);
}

/** Adds the deltas (merged per area and metric) to area_counts in one statement, in (area, metric) order. */
export async function applyDeltas(tx: Orm, deltas: Delta[]): Promise<void> {
  const sorted = difference([], deltas).sort((a, b) => a.areaId - b.areaId || (a.metric < b.metric ? -1 : 1));
  if (sorted.length === 0) return;
  await tx.execute(sql`
    INSERT INTO area_counts (area_id, metric, n)
    VALUES ${sql.join(
      sorted.map((d) => sql`(${d.areaId}::int, ${d.metric}::text, ${d.n}::int)`),
      sql`, `,
    )}
    ON CONFLICT (area_id, metric) DO UPDATE SET n = area_counts.n + excluded.n`);
}

/**
 * Adds (sign 1: just created) or takes away (sign −1: just archived, so counted as if still active) what the
 * rows `ids` of `table` count for: one statement, reading the rows and writing the deltas.
 */
async function shiftByRows(tx: Orm, table: string, ids: number[], sign: 1 | -1, metrics: Metrics) {
  const hits = metricHits(table, metrics);
  if (!hits || ids.length === 0) return;
  const active = sign === 1 ? sql`AND archived_at IS NULL` : sql``;
  await tx.execute(sql`
    INSERT INTO area_counts (area_id, metric, n)
    SELECT ${sql.raw(DEEPEST)}, m.metric, ${sign}::int * count(*)::int
      FROM ${sql.identifier(table)} CROSS JOIN LATERAL ${hits}
     WHERE id IN ${idList(ids)} ${active} AND m.hit
     GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (area_id, metric) DO UPDATE SET n = area_counts.n + excluded.n`);
}

/** After inserting rows: count them in. */
export const countCreated = (tx: Orm, table: string, ids: number[], metrics: Metrics = METRICS) =>
  shiftByRows(tx, table, ids, 1, metrics);

/** After archiving rows (that were active): count them out. */
export const countArchived = (tx: Orm, table: string, ids: number[], metrics: Metrics = METRICS) =>
  shiftByRows(tx, table, ids, -1, metrics);

/**
 * Before changing rows: notes what they count for; the returned function, called after the change, applies
 * the difference (plus `more`, e.g. the moved children's), and writes nothing when nothing changed.
 */
export async function trackRollups(tx: Orm, table: string, ids: number[], metrics: Metrics = METRICS) {
  const before = await contributions(tx, table, 'id', ids, metrics);
  return async (more: Delta[] = []) => {
    const after = await contributions(tx, table, 'id', ids, metrics);
    await applyDeltas(tx, [...difference(before, after), ...more]);
  };
}
