import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { NOTIFICATIONS_KEY, type NotificationPage } from './types';

/** One page of my messages, newest first. */
export function useNotifications(unreadOnly: boolean, cursor: string | null, limit = 20) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', unreadOnly, cursor, limit],
    queryFn: ({ signal }) =>
      apiGet<NotificationPage>('/notifications', { unread: unreadOnly || undefined, cursor, limit }, signal),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}
