import { useQuery } from '@tanstack/react-query';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { apiGet } from '../../../lib/api-client';

export type GridFeature = Feature<Polygon | MultiPolygon, { code: string; name: string }>;

/** The grid (or community) boundaries inside an area (GeoJSON, WGS84): the map a point is placed on. */
export function useGridBoundaries(code: string | null, level: 'grid' | 'community' = 'grid') {
  return useQuery({
    queryKey: ['areas', 'boundaries', code, level],
    queryFn: ({ signal }) =>
      apiGet<{ features: GridFeature[] }>(
        `/areas/${encodeURIComponent(code!)}/boundaries`,
        { level },
        signal,
      ),
    enabled: code !== null,
    staleTime: 30 * 60_000,
  });
}
