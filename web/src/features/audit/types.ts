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
  'registry.create',
  'registry.update',
  'registry.archive',
  'registry.export',
  'login.success',
  'login.failure',
  'logout',
  'password.change',
  'account.create',
] as const;

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
] as const;
