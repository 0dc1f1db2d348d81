import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { type EventsPage, eventKeys, type ListFilters } from './types';

/** One keyset page of the events the caller may see, newest first. */
export function useEventsPage(filters: ListFilters) {
  return useQuery({
    queryKey: eventKeys.list(filters),
    queryFn: ({ signal }) => apiGet<EventsPage>('/events', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}
