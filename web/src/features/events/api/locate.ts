import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import type { Located } from './types';

/** The grid, community and street a point falls in (the grid the event will belong to). */
export function useLocate(point: { lat: number; lng: number } | null) {
  return useQuery({
    queryKey: ['areas', 'locate', point?.lat, point?.lng],
    queryFn: ({ signal }) => apiGet<Located>('/areas/locate', { lat: point!.lat, lng: point!.lng }, signal),
    enabled: point !== null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
