import {
  bigint,
  bigserial,
  boolean,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Role } from '../../core/policy/roles';
import { bytea } from './columns';

// The tables around the registry: accounts and sign-in, the audit trail, personal-data reads, the key
// check, the rollup and the demo load's state. Mirrors migrations/ (tests/architecture/schema.test.ts
// compares both with the live database).

const at = (name: string) => timestamp(name, { withTimezone: true });

export const schemaMigrations = pgTable('schema_migrations', {
  name: text('name').primaryKey(),
  appliedAt: at('applied_at').notNull().defaultNow(),
});

export const areaCounts = pgTable(
  'area_counts',
  {
    areaId: integer('area_id').notNull(),
    metric: text('metric').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.areaId, t.metric] })],
);

export const accounts = pgTable('accounts', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').$type<Role>().notNull(),
  areaIds: integer('area_ids').array().notNull().default([]),
  departmentId: integer('department_id'),
  passwordChangedAt: at('password_changed_at').notNull().defaultNow(),
  createdAt: at('created_at').notNull().defaultNow(),
  disabledAt: at('disabled_at'),
  totpSecret: bytea('totp_secret'),
  totpPendingSecret: bytea('totp_pending_secret'),
  totpEnrolledAt: at('totp_enrolled_at'),
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  passwordMustChange: boolean('password_must_change').notNull().default(false),
  lastLoginAt: at('last_login_at'),
});

export const sessions = pgTable('sessions', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  tokenHash: bytea('token_hash').notNull().unique(),
  accountId: integer('account_id').notNull(),
  kind: text('kind').$type<'cookie' | 'bearer'>().notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  lastSeenAt: at('last_seen_at').notNull().defaultNow(),
  expiresAt: at('expires_at').notNull(),
  revokedAt: at('revoked_at'),
  enrolmentOnly: boolean('enrolment_only').notNull().default(false),
});

export const loginThrottle = pgTable(
  'login_throttle',
  {
    username: text('username').notNull(),
    client: text('client').notNull(),
    failures: integer('failures').notNull().default(0),
    strikes: integer('strikes').notNull().default(0),
    lockedUntil: at('locked_until'),
    lastFailureAt: at('last_failure_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.username, t.client] })],
);

export const loginRate = pgTable(
  'login_rate',
  {
    client: text('client').notNull(),
    windowStart: at('window_start').notNull(),
    attempts: integer('attempts').notNull(),
  },
  (t) => [primaryKey({ columns: [t.client, t.windowStart] })],
);

/** Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE); rows are written by audit/append.ts only. */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: at('at').notNull(),
  actorId: integer('actor_id'),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  objectType: text('object_type'),
  objectId: text('object_id'),
  requestId: text('request_id'),
  details: jsonb('details').notNull().default({}),
  prevHash: bytea('prev_hash').notNull().unique(),
  hash: bytea('hash').notNull(),
});

export const keyCheck = pgTable('key_check', {
  id: integer('id').primaryKey(),
  installId: uuid('install_id').notNull().defaultRandom(),
  piiCheck: bytea('pii_check'),
  hmacCheck: bytea('hmac_check'),
  auditKeyedFrom: bigint('audit_keyed_from', { mode: 'number' }).notNull(),
  auditCheck: bytea('audit_check'),
  piiUnbound: boolean('pii_unbound').notNull(),
});

/** Append-only, like audit_log. */
export const personalDataReads = pgTable('personal_data_reads', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: at('at').notNull().defaultNow(),
  accountId: integer('account_id'),
  actor: text('actor').notNull(),
  requestId: text('request_id'),
  entity: text('entity').notNull(),
  kind: text('kind').$type<'list' | 'get' | 'history' | 'identity_search'>().notNull(),
  recordIds: integer('record_ids').array().notNull(),
  details: jsonb('details').notNull().default({}),
});

export const personalReadVolume = pgTable(
  'personal_read_volume',
  {
    accountId: integer('account_id').notNull(),
    hour: at('hour').notNull(),
    records: integer('records').notNull(),
    alertedAt: at('alerted_at'),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.hour] })],
);

export const seedState = pgTable('seed_state', {
  singleton: boolean('singleton').primaryKey().default(true),
  scale: text('scale').notNull(),
  seed: integer('seed').notNull(),
  startedAt: at('started_at').notNull().defaultNow(),
  finishedAt: at('finished_at'),
  deferred: jsonb('deferred').notNull().default([]),
});
