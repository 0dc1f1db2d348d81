import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { NOTIFICATIONS_KEY, type UnreadCount } from './types';

/** How often the header asks, besides when the window regains focus: modest, no websockets. */
const POLL_MS = 60_000;

export function useUnreadCount() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread-count'],
    queryFn: ({ signal }) => apiGet<UnreadCount>('/notifications/unread-count', undefined, signal),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
}
