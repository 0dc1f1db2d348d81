import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import type { BoundaryCollection } from '../types';

export type BoundaryLevel = 'grid' | 'community' | 'street';

export function getBoundaries(code: string, level: BoundaryLevel, signal?: AbortSignal) {
  return apiGet<BoundaryCollection>(`/areas/${encodeURIComponent(code)}/boundaries`, { level }, signal);
}

/** Boundaries of the areas at `level` inside `code` (GeoJSON); geometry changes rarely. */
export function useBoundaries(code: string | null, level: BoundaryLevel = 'grid') {
  return useQuery({
    queryKey: ['areas', 'boundaries', code, level],
    queryFn: ({ signal }) => getBoundaries(code!, level, signal),
    enabled: code !== null,
    staleTime: 30 * 60_000,
  });
}
