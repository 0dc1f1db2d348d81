import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { eventKeys, type QueueName, type QueuePage } from './types';

/** The caller's to-do: counts per queue and the items of one queue (or all of them). */
export function useQueue(queue?: QueueName, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: eventKeys.queue(queue),
    queryFn: ({ signal }) => apiGet<QueuePage>('/events/queue', { queue, limit: 100 }, signal),
    refetchInterval: 60_000,
    enabled: options.enabled ?? true,
  });
}
