import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { EventKind } from '../../core/events/catalogue';
import type { EventLevel, EventState } from '../../core/events/workflow';
import type { Role } from '../../core/policy/roles';
import { bytea } from './columns';

// Grid events: mirrors migrations/0014_events.sql and 0019 (tests/architecture/schema.test.ts compares both).

const at = (name: string) => timestamp(name, { withTimezone: true });

export type EventUrgency = 'normal' | 'urgent' | 'emergency';
export type EventSource = 'patrol' | 'resident' | 'hotline' | 'external';
export type AssignmentRole = 'lead' | 'cooperating';
export type AssignmentState = 'working' | 'fed_back' | 'done' | 'refused' | 'withdrawn';

export const events = pgTable('events', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  number: text('number').notNull().unique(),
  kind: text('kind').$type<EventKind>().notNull(),
  categoryCode: text('category_code').notNull(),
  catalogueVersion: integer('catalogue_version').notNull(),
  sensitive: boolean('sensitive').notNull().default(false),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  lon: doublePrecision('lon').notNull(),
  lat: doublePrecision('lat').notNull(),
  addressText: text('address_text'),
  districtId: integer('district_id').notNull(),
  streetId: integer('street_id').notNull(),
  communityId: integer('community_id').notNull(),
  gridId: integer('grid_id').notNull(),
  level: text('level').$type<EventLevel>().notNull(),
  state: text('state').$type<EventState>().notNull(),
  urgency: text('urgency').$type<EventUrgency>().notNull(),
  source: text('source').$type<EventSource>().notNull(),
  reportedBy: integer('reported_by'),
  reporterName: text('reporter_name'),
  reporterPhoneEnc: bytea('reporter_phone_enc'),
  reporterPhoneHmac: bytea('reporter_phone_hmac'),
  reporterPhoneMasked: text('reporter_phone_masked'),
  anonymous: boolean('anonymous').notNull().default(false),
  addressId: integer('address_id'),
  houseId: integer('house_id'),
  residentId: integer('resident_id'),
  enterpriseId: integer('enterprise_id'),
  mergedInto: integer('merged_into'),
  extensionUntil: at('extension_until'),
  rating: smallint('rating'),
  closedByFinder: boolean('closed_by_finder').notNull().default(false),
  dueAt: at('due_at'),
  warnAt: at('warn_at'),
  version: integer('version').notNull().default(1),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
  closedAt: at('closed_at'),
});

export const eventSteps = pgTable('event_steps', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  eventId: integer('event_id').notNull(),
  action: text('action').notNull(),
  fromState: text('from_state').$type<EventState>(),
  toState: text('to_state').$type<EventState>().notNull(),
  fromLevel: text('from_level').$type<EventLevel>(),
  level: text('level').$type<EventLevel>().notNull(),
  actorId: integer('actor_id'),
  actor: text('actor').notNull(),
  actorRole: text('actor_role').$type<Role>(),
  actorOffice: text('actor_office'),
  departmentId: integer('department_id'),
  reason: text('reason'),
  note: text('note'),
  details: jsonb('details').notNull().default({}),
  dueAt: at('due_at'),
  at: at('at').notNull().defaultNow(),
  txId: bigint('tx_id', { mode: 'number' }).notNull(),
});

export const eventAssignments = pgTable('event_assignments', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  eventId: integer('event_id').notNull(),
  departmentId: integer('department_id').notNull(),
  role: text('role').$type<AssignmentRole>().notNull(),
  state: text('state').$type<AssignmentState>().notNull(),
  feedback: text('feedback'),
  assignedAt: at('assigned_at').notNull().defaultNow(),
  answeredAt: at('answered_at'),
});

export const eventReportKeys = pgTable(
  'event_report_keys',
  {
    accountId: integer('account_id').notNull(),
    key: text('key').notNull(),
    requestHash: bytea('request_hash').notNull(),
    eventId: integer('event_id'),
    response: jsonb('response'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.key] })],
);

export const outbox = pgTable('outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  topic: text('topic').notNull(),
  recordId: bigint('record_id', { mode: 'number' }).notNull(),
  payload: jsonb('payload').notNull().default({}),
  createdAt: at('created_at').notNull().defaultNow(),
  processedAt: at('processed_at'),
});
