import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../../db/client';
import type { PiiCipher } from '../../lib/pii';
import { listNotifications, markAllRead, markRead, unreadCount } from './queries';
import {
  ListQuery,
  NotificationId,
  NotificationPage,
  NotificationView,
  ReadAllResult,
  UnreadCount,
} from './schemas';

export interface NotificationsDeps {
  db: Database;
  pii: PiiCipher;
}

const tags = ['notifications'];
const policy = (action: 'read' | 'update') => ({ policy: { resource: 'notifications', action } }) as const;

/** The message centre (消息中心): each account reads and marks only its own messages. */
export const notificationRoutes: FastifyPluginAsyncTypebox<NotificationsDeps> = async (app, { db, pii }) => {
  app.get(
    '/notifications',
    {
      config: policy('read'),
      schema: {
        tags,
        summary: 'My messages, newest first',
        querystring: ListQuery,
        response: { 200: NotificationPage },
      },
    },
    async (req) => listNotifications(db, pii, req.actor!.accountId, req.query),
  );

  app.get(
    '/notifications/unread-count',
    {
      config: policy('read'),
      schema: { tags, summary: 'How many of my messages are unread', response: { 200: UnreadCount } },
    },
    async (req) => unreadCount(db, req.actor!.accountId),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: policy('update'),
      schema: {
        tags,
        summary: 'Mark one of my messages read',
        params: NotificationId,
        response: { 200: NotificationView },
      },
    },
    async (req) => markRead(db, req.actor!.accountId, req.params.id),
  );

  app.post(
    '/notifications/read-all',
    {
      config: policy('update'),
      schema: { tags, summary: 'Mark all my messages read', response: { 200: ReadAllResult } },
    },
    async (req) => markAllRead(db, req.actor!.accountId),
  );
};
