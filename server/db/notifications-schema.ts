import { bigint, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// The message centre and the outbox relay's bookkeeping: mirrors migrations/0015_notifications.sql
// (tests/architecture/schema.test.ts compares both).

const at = (name: string) => timestamp(name, { withTimezone: true });

export const NOTIFICATION_KINDS = [
  'assignment',
  'send_back',
  'refusal',
  'rating',
  'deadline_warning',
  'supervision',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notifications = pgTable('notifications', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  accountId: integer('account_id').notNull(),
  kind: text('kind').$type<NotificationKind>().notNull(),
  title: text('title').notNull(),
  body: text('body').notNull().default(''),
  recordType: text('record_type').$type<'event'>().notNull(),
  recordId: bigint('record_id', { mode: 'number' }).notNull(),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  outboxId: bigint('outbox_id', { mode: 'number' }),
  createdAt: at('created_at').notNull().defaultNow(),
  readAt: at('read_at'),
});

export const outboxAttempts = pgTable('outbox_attempts', {
  outboxId: bigint('outbox_id', { mode: 'number' }).primaryKey(),
  attempts: integer('attempts').notNull(),
  lastError: text('last_error').notNull(),
  nextAttemptAt: at('next_attempt_at').notNull(),
  parkedAt: at('parked_at'),
});
