import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { eventKeys, type QueueName, type QueuePage } from './types';

/** The caller's to-do: counts per queue and a page of one queue (or all of them), nearest deadline first. */
export function useQueue(queue?: QueueName, cursor?: string | null) {
  return useQuery({
    queryKey: [...eventKeys.queue(queue), cursor ?? null],
    queryFn: ({ signal }) => apiGet<QueuePage>('/events/queue', { queue, cursor, limit: 50 }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}
