import type { GetResponse, PostResponse } from '../../../api/types';

export type NotificationPage = GetResponse<'/api/v1/notifications'>;
export type Notification = NotificationPage['items'][number];
export type UnreadCount = GetResponse<'/api/v1/notifications/unread-count'>;
export type ReadAllResult = PostResponse<'/api/v1/notifications/read-all'>;

/** Every query of the message centre starts with this key, so one invalidation refreshes badge and list. */
export const NOTIFICATIONS_KEY = ['notifications'] as const;
