import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { type EventView, eventKeys } from './types';

/** One event with its steps, departments and the actions the caller may take now. */
export function useEvent(id: number) {
  return useQuery({
    queryKey: eventKeys.one(id),
    queryFn: ({ signal }) => apiGet<EventView>(`/events/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });
}
