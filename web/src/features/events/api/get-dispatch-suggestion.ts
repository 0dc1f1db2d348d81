import { useQuery } from '@tanstack/react-query';
import type { GetResponse } from '../../../api/types';
import { apiGet } from '../../../lib/api-client';

export type DispatchSuggestion = GetResponse<'/api/v1/events/{id}/dispatch-suggestion'>;

/** Where the district centre's routing sends this event: the most specific live rule, else the catalogue. */
export function useDispatchSuggestion(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['events', 'one', id, 'dispatch-suggestion'],
    queryFn: ({ signal }) =>
      apiGet<DispatchSuggestion>(`/events/${id}/dispatch-suggestion`, undefined, signal),
    enabled,
    retry: false,
    staleTime: 60_000,
  });
}
