import { useQuery } from '@tanstack/react-query';
import type { GetResponse } from '../../../api/types';
import { apiGet } from '../../../lib/api-client';

type QueuePage = GetResponse<'/api/v1/events/queue'>;

/** How many events wait for the account (all its queues), and how many of them are overdue. */
export function useQueueCount(enabled: boolean) {
  return useQuery({
    // Under the events' queue key, so an action taken on an event refreshes it too.
    queryKey: ['events', 'queue', 'count'],
    queryFn: ({ signal }) => apiGet<QueuePage>('/events/queue', { limit: 1 }, signal),
    select: (page) =>
      Object.values(page.counts).reduce(
        (sum, c) => ({ total: sum.total + c.total, overdue: sum.overdue + c.overdue }),
        { total: 0, overdue: 0 },
      ),
    enabled,
    refetchInterval: 60_000,
  });
}
