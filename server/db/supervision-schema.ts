import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { EventLevel, EventState } from '../../core/events/workflow';
import type { CloseReason, SupervisionState } from '../../core/supervision/workflow';

// Supervision orders and deadline warnings: mirrors migrations/0017_supervision.sql
// (tests/architecture/schema.test.ts compares both).

const at = (name: string) => timestamp(name, { withTimezone: true });

export const supervisionOrders = pgTable('supervision_orders', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  eventId: integer('event_id').notNull(),
  step: text('step').notNull(),
  eventState: text('event_state').$type<EventState>().notNull(),
  eventLevel: text('event_level').$type<EventLevel>().notNull(),
  stepDueAt: at('step_due_at').notNull(),
  responsibleLevel: text('responsible_level').$type<EventLevel>().notNull(),
  responsibleAreaId: integer('responsible_area_id').notNull(),
  departmentId: integer('department_id'),
  districtId: integer('district_id').notNull(),
  streetId: integer('street_id').notNull(),
  issuedBy: integer('issued_by'),
  issuer: text('issuer').notNull(),
  reason: text('reason').notNull(),
  dueAt: at('due_at').notNull(),
  state: text('state').$type<SupervisionState>().notNull(),
  answer: text('answer'),
  finishBy: at('finish_by'),
  answeredBy: integer('answered_by'),
  sentBackReason: text('sent_back_reason'),
  closeReason: text('close_reason').$type<CloseReason>(),
  closedBy: integer('closed_by'),
  version: integer('version').notNull().default(1),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
  answeredAt: at('answered_at'),
  closedAt: at('closed_at'),
});

export const eventDeadlineWarnings = pgTable(
  'event_deadline_warnings',
  {
    eventId: integer('event_id').notNull(),
    dueAt: at('due_at').notNull(),
    warnedAt: at('warned_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.dueAt] })],
);
