import type { GetResponse, paths } from '../../api/types';

/** `GET /audit`: one entry of the hash-chained audit trail; actor is `account:12:grid001001001`, `anonymous` or `system`. */
export type AuditEntry = AuditPage['items'][number];
export type AuditPage = GetResponse<'/api/v1/audit'>;

/** `GET /audit/verify`: the chain recomputed from the first row. */
export type AuditVerification = GetResponse<'/api/v1/audit/verify'>;

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
export type PersonalRead = PersonalReadsPage['items'][number];
export type PersonalReadsPage = GetResponse<'/api/v1/audit/reads'>;
type ReadsQuery = NonNullable<paths['/api/v1/audit/reads']['get']['parameters']['query']>;

/** Entities whose reads are on record, and how they were read. */
export const READ_ENTITIES = ['resident', 'health_record', 'staff'] as const satisfies readonly NonNullable<
  ReadsQuery['entity']
>[];
export const READ_KINDS = [
  'list',
  'get',
  'history',
  'identity_search',
] as const satisfies readonly NonNullable<ReadsQuery['kind']>[];

/** Filters of the reads tab as kept in the URL; dates as in the audit trail. */
export const READS_FILTERS = ['accountId', 'entity', 'recordId', 'kind', 'from', 'to'] as const;
export type ReadsFilterKey = (typeof READS_FILTERS)[number];
export type ReadsFilters = Record<ReadsFilterKey, string | undefined>;
