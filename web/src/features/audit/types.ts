/** `GET /audit`: one entry of the hash-chained audit trail. */
export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  /** `account:12:grid001001001`, `anonymous` or `system`. */
  actor: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

/** `GET /audit/verify`: the chain recomputed from the first row. */
export type AuditVerification =
  | { ok: true; rows: number; lastId?: number | null; lastHash?: string | null }
  | { ok: false; rows: number; brokenAt: number; reason: string };

/** Filters as kept in the URL; `from` and `to` are local dates (YYYY-MM-DD), both inclusive. */
export const AUDIT_FILTERS = ['actor', 'action', 'objectType', 'objectId', 'from', 'to'] as const;
export type AuditFilterKey = (typeof AUDIT_FILTERS)[number];
export type AuditFilters = Record<AuditFilterKey, string | undefined>;

export const AUDIT_ACTIONS = [
  'personal.reveal',
  'personal.reveal.refused',
  'personal.identity_search.refused',
  'personal.bulk_read_alert',
  'registry.create',
  'registry.update',
  'registry.archive',
  'registry.export',
  'registry.identity_conflict.resolve',
  'login.success',
  'login.failure',
  'login.rate_limited',
  'logout',
  'password.change',
  'totp.enrol',
  'account.create',
] as const;

/** Actions an auditor must not miss: probing for personal data and bulk browsing. */
export const ALERT_ACTIONS: ReadonlySet<string> = new Set([
  'personal.reveal.refused',
  'personal.identity_search.refused',
  'personal.bulk_read_alert',
]);

export const OBJECT_TYPES = [
  'resident',
  'health_record',
  'staff',
  'address',
  'house',
  'enterprise',
  'social_organisation',
  'party_organisation',
  'party_member',
  'party_studio',
  'service_facility',
  'department',
  'account',
  'identity_conflict',
] as const;

/** `GET /audit/reads`: one request that listed, opened or searched people, with the ids it returned. */
export interface PersonalRead {
  id: number;
  at: string;
  accountId: number | null;
  /** `account:12:grid001001001`. */
  actor: string;
  requestId: string | null;
  entity: string;
  kind: string;
  recordIds: number[];
  details: Record<string, unknown>;
}

export interface PersonalReadsPage {
  items: PersonalRead[];
  nextCursor: string | null;
}

/** Entities whose reads are on record, and how they were read. */
export const READ_ENTITIES = ['resident', 'health_record', 'staff'] as const;
export const READ_KINDS = ['list', 'get', 'history', 'identity_search'] as const;

/** Filters of the reads tab as kept in the URL; dates as in the audit trail. */
export const READS_FILTERS = ['accountId', 'entity', 'recordId', 'kind', 'from', 'to'] as const;
export type ReadsFilterKey = (typeof READS_FILTERS)[number];
export type ReadsFilters = Record<ReadsFilterKey, string | undefined>;
