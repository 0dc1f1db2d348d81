import { useQuery } from '@tanstack/react-query';
import type { GetResponse } from '../../../api/types';
import { apiGet } from '../../../lib/api-client';

export type Duplicates = GetResponse<'/api/v1/events/duplicates'>;

/** Open events of the category within 50 m reported in the last 7 days: offered before a new report. */
export function useDuplicates(category: string | undefined, point: { lat: number; lng: number } | null) {
  return useQuery({
    queryKey: ['events', 'duplicates', category, point?.lat, point?.lng],
    queryFn: ({ signal }) =>
      apiGet<Duplicates>('/events/duplicates', { category, lat: point!.lat, lng: point!.lng }, signal),
    enabled: Boolean(category) && point !== null,
    retry: false,
    staleTime: 30_000,
  });
}
