import { useQuery } from '@tanstack/react-query';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { apiGet } from '../../../lib/api-client';

export type GridFeature = Feature<Polygon | MultiPolygon, { code: string; name: string }>;

/** The grid boundaries inside an area (GeoJSON, WGS84): the map a point is placed on. */
export function useGridBoundaries(code: string | null) {
  return useQuery({
    queryKey: ['areas', 'boundaries', code, 'grid'],
    queryFn: ({ signal }) =>
      apiGet<{ features: GridFeature[] }>(
        `/areas/${encodeURIComponent(code!)}/boundaries`,
        { level: 'grid' },
        signal,
      ),
    enabled: code !== null,
    staleTime: 30 * 60_000,
  });
}
