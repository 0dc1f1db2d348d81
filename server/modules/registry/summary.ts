import { Type } from '@sinclair/typebox';
import type { AreaLevel } from '../../../core/areas/area-code';
import type { Database } from '../../db/client';
import type { AreaDirectory } from '../areas/directory';
import { METRICS } from './engine/counts';

export const SummaryQuery = Type.Object(
  { area: Type.String({ pattern: '^[0-9]{15}$', description: '15-digit area code' }) },
  { additionalProperties: false },
);

const COUNT_NAMES = ['streets', 'communities', 'grids', ...Object.keys(METRICS)];
export const SummaryResponse = Type.Object({
  area: Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() }),
  counts: Type.Object(Object.fromEntries(COUNT_NAMES.map((n) => [n, Type.Integer()]))),
});

const LEVELS: AreaLevel[] = ['district', 'street', 'community', 'grid'];
const LEVEL_COLUMN = {
  district: 'district_id',
  street: 'street_id',
  community: 'community_id',
  grid: 'id',
} as const;

/** Registry counts of an area's subtree, read from the area_counts rollup (never the raw tables). */
export async function registrySummary(deps: { db: Database; areas: AreaDirectory }, code: string) {
  const area = deps.areas.resolve(code);
  const rows = await deps.db.query<{ metric: string; n: number }>(
    `SELECT c.metric, sum(c.n)::int AS n FROM area_counts c JOIN areas a ON a.id = c.area_id
      WHERE a.${LEVEL_COLUMN[area.level]} = $1 GROUP BY c.metric`,
    [area.id],
  );
  const counts: Record<string, number> = Object.fromEntries(COUNT_NAMES.map((n) => [n, 0]));
  for (const r of rows) counts[r.metric] = r.n;
  // An area lies in one node of each level above it, and holds its descendants of each level below.
  const inside = (level: AreaLevel) =>
    LEVELS.indexOf(level) <= LEVELS.indexOf(area.level) ? 1 : deps.areas.descendants(area, level).length;
  counts.streets = inside('street');
  counts.communities = inside('community');
  counts.grids = inside('grid');
  return { area: { code: area.code, name: area.name, level: area.level }, counts };
}
