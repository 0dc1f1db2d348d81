import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { notifications } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { decodeCursor, encodeCursor } from '../../lib/keyset-cursor';
import type { PiiCipher } from '../../lib/pii';

type Row = typeof notifications.$inferSelect;

/** Where each kind of record lives in the web app. */
const RECORD_PAGES = { event: (id: number) => `/events/${id}` } as const;

export function presentNotification(row: Row) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    recordType: row.recordType,
    recordId: row.recordId,
    link: RECORD_PAGES[row.recordType](row.recordId),
    details: row.details,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}

const missing = (id: number) => notFound(`Notification ${id}`, `消息 ${id}`);

/** The account's own messages, newest first, keyset paged by id (a cursor opens only on its own list). */
export async function listNotifications(
  db: Database,
  pii: PiiCipher,
  accountId: number,
  query: { unread?: boolean; limit?: number; cursor?: string },
) {
  const limit = query.limit ?? 20;
  const list = `notifications:${accountId}:${query.unread ? 'unread' : 'all'}`;
  const where = [eq(notifications.accountId, accountId)];
  if (query.unread) where.push(isNull(notifications.readAt));
  if (query.cursor) where.push(lt(notifications.id, decodeCursor(pii, list, query.cursor, 'none').id));
  const rows = await db.orm
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(presentNotification),
    nextCursor: rows.length > limit && last ? encodeCursor(pii, list, null, last.id) : null,
  };
}

export async function unreadCount(db: Database, accountId: number) {
  const [row] = await db.orm
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)));
  return { unread: Number(row?.n ?? 0) };
}

/** Marks one of the account's own messages read (again is fine: the first time stays); another's is 404. */
export async function markRead(db: Database, accountId: number, id: number) {
  const [row] = await db.orm
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.accountId, accountId)))
    .returning();
  if (!row) throw missing(id);
  return presentNotification(row);
}

export async function markAllRead(db: Database, accountId: number) {
  const rows = await db.orm
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: rows.length, unread: 0 };
}
