import type { AreaLevel } from '../../../core/areas/area-code';

/** Top down. */
export const AREA_LEVELS: readonly AreaLevel[] = ['district', 'street', 'community', 'grid'];

/** The located column of each level, which every registry row carries. */
export const PLACEMENT_COLUMN = {
  district: 'district_id',
  street: 'street_id',
  community: 'community_id',
  grid: 'grid_id',
} as const satisfies Record<AreaLevel, string>;

/** The same columns as Placement (and Drizzle) keys. */
export const PLACEMENT_KEY = {
  district: 'districtId',
  street: 'streetId',
  community: 'communityId',
  grid: 'gridId',
} as const satisfies Record<AreaLevel, string>;

/** On the areas table a node's own id stands in its level's column, except grids, which have only `id`. */
export const AREA_TABLE_COLUMN = { ...PLACEMENT_COLUMN, grid: 'id' } as const;
