import type { Database } from '../../../db/client';
import { AREA_LEVELS, PLACEMENT_COLUMN } from '../../areas';
import { METRICS as DECLARED_METRICS } from '../entities';

import type { Metrics } from './types';

/** Each summary metric, as the entity definitions declare them. */
export const METRICS: Metrics = DECLARED_METRICS;

/** The area a row is counted in: the deepest level it is placed at. */
export const DEEPEST = `coalesce(${[...AREA_LEVELS]
  .reverse()
  .map((level) => PLACEMENT_COLUMN[level])
  .join(', ')})`;

/** Full recount of every metric, per area, from the tables (what area_counts must hold). */
function actualCountsSql(metrics: Metrics) {
  return Object.entries(metrics)
    .map(([metric, m]) => {
      const where = ['archived_at IS NULL', m.where].filter(Boolean).join(' AND ');
      return `SELECT ${DEEPEST} AS area_id, '${metric}'::text AS metric, count(*)::int AS n FROM ${m.table} WHERE ${where} GROUP BY 1`;
    })
    .join('\nUNION ALL\n');
}

/**
 * Recount every metric everywhere (after a bulk load, or to repair). The table lock (readers pass) makes
 * it safe beside live writers: it waits for those that already wrote a delta to commit, so they are in
 * the count, and holds off the others' deltas until the fresh counts are in, so they add to them.
 */
export async function refreshAllAreaCounts(db: Database, metrics: Metrics = METRICS): Promise<void> {
  await db.script(
    `LOCK TABLE area_counts IN EXCLUSIVE MODE;\nDELETE FROM area_counts;\nINSERT INTO area_counts (area_id, metric, n) ${actualCountsSql(metrics)};`,
  );
}

export interface CountDifference {
  areaId: number;
  areaCode: string;
  metric: string;
  stored: number;
  actual: number;
}

/**
 * Every (area, metric) whose stored count differs from a full recount; a missing row counts as 0, and a
 * stored metric no longer declared is a difference too. One statement, so one snapshot: writers commit
 * their rows and their deltas together, so a check during writes sees both or neither.
 */
export async function checkAreaCounts(db: Database, metrics: Metrics = METRICS): Promise<CountDifference[]> {
  const rows = await db.query<{
    area_id: number;
    code: string;
    metric: string;
    stored: number;
    actual: number;
  }>(
    `WITH actual AS (${actualCountsSql(metrics)})
     SELECT area_id, trim(a.code) AS code, metric, coalesce(s.n, 0) AS stored, coalesce(c.n, 0) AS actual
       FROM actual c FULL JOIN area_counts s USING (area_id, metric) JOIN areas a ON a.id = area_id
      WHERE coalesce(s.n, 0) <> coalesce(c.n, 0)
      ORDER BY area_id, metric`,
  );
  return rows.map((r) => ({
    areaId: r.area_id,
    areaCode: r.code,
    metric: r.metric,
    stored: r.stored,
    actual: r.actual,
  }));
}

export function deepestAreaId(p: {
  gridId: number | null;
  communityId: number | null;
  streetId: number | null;
  districtId: number;
}) {
  return p.gridId ?? p.communityId ?? p.streetId ?? p.districtId;
}
