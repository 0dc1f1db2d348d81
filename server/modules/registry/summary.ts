import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import type { AreaLevel } from '../../../core/areas/area-code';
import { can } from '../../../core/policy/capabilities';
import type { Database } from '../../db/client';
import { notFound } from '../../lib/errors';
import { AREA_LEVELS, AREA_TABLE_COLUMN, type AreaDirectory } from '../areas';
import type { Actor } from '../auth';
import { METRIC_RESOURCE, METRICS } from './entities';

export const SummaryQuery = Type.Object(
  { area: Type.String({ pattern: '^[0-9]{15}$', description: '15-digit area code' }) },
  { additionalProperties: false },
);

const COUNT_NAMES = ['streets', 'communities', 'grids', ...Object.keys(METRICS)];
export const SummaryResponse = Type.Object({
  area: Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() }),
  counts: Type.Object(
    Object.fromEntries(
      COUNT_NAMES.map((n) => [
        n,
        Type.Union([Type.Integer(), Type.Null()], { description: 'null: not yours to see' }),
      ]),
    ),
  ),
});

/**
 * Registry counts of an area's subtree, read from the area_counts rollup (never the raw tables) and
 * limited to the actor's scope: the part of the area the actor may see, and only metrics of resources its
 * role may read (others are null).
 */
export async function registrySummary(
  deps: { db: Database; areas: AreaDirectory },
  actor: Actor,
  code: string,
) {
  const area = deps.areas.resolve(code);
  const { scope } = actor;
  if (!scope.containsArea(area) && !scope.isAncestorOfRoot(area))
    throw notFound(`Area ${code}`, `区域 ${code}`);
  const rows = await deps.db.query<{ metric: string; n: number }>(
    sql`SELECT c.metric, sum(c.n)::int AS n FROM area_counts c JOIN areas a ON a.id = c.area_id
      WHERE a.${sql.identifier(AREA_TABLE_COLUMN[area.level])} = ${area.id} AND ${sql.raw(scope.areasSql('a'))}
      GROUP BY c.metric`,
  );
  const counts: Record<string, number | null> = Object.fromEntries(COUNT_NAMES.map((n) => [n, 0]));
  for (const r of rows) counts[r.metric] = r.n;
  for (const metric of Object.keys(METRICS)) {
    if (!can(actor, 'read', METRIC_RESOURCE[metric]!)) counts[metric] = null;
  }
  // An area lies in one node of each level above it, and holds its (visible) descendants below.
  const inside = (level: AreaLevel) =>
    AREA_LEVELS.indexOf(level) <= AREA_LEVELS.indexOf(area.level)
      ? 1
      : deps.areas.descendants(area, level).filter((a) => scope.containsArea(a) || scope.isAncestorOfRoot(a))
          .length;
  counts.streets = inside('street');
  counts.communities = inside('community');
  counts.grids = inside('grid');
  return { area: { code: area.code, name: area.name, level: area.level }, counts };
}
