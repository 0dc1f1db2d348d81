import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/** The prev_hash of the first row. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/**
 * Bumped only with a new serialisation, so that old rows stay verifiable. v1: plain SHA-256 (rows before
 * migration 0008); v2: HMAC-SHA256 under the audit key, which the database does not hold.
 */
const FORMAT = { plain: 'audit/v1', keyed: 'audit/v2' } as const;

let auditKey: KeyObject | null = null;

/**
 * The audit key of this process (AUDIT_KEY, or the demo's key file), set once at start before anything is
 * audited. A module setting rather than a parameter: every audited action in every module appends, and
 * none of them should handle the key.
 */
export function setAuditKey(key: Buffer): void {
  if (key.length !== 32) throw new Error('The audit key must be 32 bytes');
  auditKey = createSecretKey(Buffer.from(key));
}

export function currentAuditKey(): KeyObject {
  if (!auditKey) throw new Error('No audit key set: call setAuditKey at start (server/main.ts)');
  return auditKey;
}

/**
 * `at` as the hash sees it, formatted by the database itself from the stored timestamptz (UTC, ISO 8601
 * with milliseconds, the same text as `Date#toISOString`). The drivers disagree on how they hand back a
 * timestamptz (node-postgres under Drizzle: a string in the session time zone; PGlite: a Date), and a
 * timestamptz holds microseconds while a Date holds milliseconds; formatting in SQL sidesteps both.
 * The column's CHECK keeps `at` at millisecond precision, so this text names the stored instant exactly.
 */
export const atTextSql = (expression: string) =>
  `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The hashed columns as read back for hashing (`at` and `details` as the hash sees them), hashes excluded. */
export const CONTENT_COLUMNS_SQL = `id::text AS id, ${atTextSql('at')} AS at, actor_id, actor, action, object_type, object_id,
       request_id, details::text AS details`;

/** A row selected with CONTENT_COLUMNS_SQL plus its hashes, as bytes or (encode(…, 'hex')) as text. */
export interface StoredAuditRow<Hash = Uint8Array> extends Record<string, unknown> {
  id: string;
  at: string;
  actor_id: number | null;
  actor: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
  request_id: string | null;
  details: string;
  prev_hash: Hash;
  hash: Hash;
}

/** A row's hashed content, as read back from the database (or about to be written to it). */
export interface ChainContent {
  id: string | number | bigint;
  /** ISO 8601, UTC, milliseconds: `2025-01-31T08:15:00.123Z`. */
  at: string;
  actorId: number | null;
  actor: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  requestId: string | null;
  details: unknown;
}

/** A stored row's hashed content (`details` parsed from its jsonb text unless given). */
export function contentOf<Hash>(
  r: StoredAuditRow<Hash>,
  details: unknown = JSON.parse(r.details),
): ChainContent {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actor: r.actor,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    requestId: r.request_id,
    details,
  };
}

/** JSON with object keys sorted (by UTF-16 code units) at every depth; `undefined` members are left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'object': {
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`audit details cannot hold a ${typeof value}`);
  }
}

/** The bytes that are hashed: one JSON array, fields in a fixed order, so no two contents share bytes. */
export function canonicalBytes(row: ChainContent, format: keyof typeof FORMAT = 'keyed'): Buffer {
  const fields = [
    FORMAT[format],
    String(row.id),
    row.at,
    row.actorId,
    row.actor,
    row.action,
    row.objectType,
    row.objectId,
    row.requestId,
    row.details ?? {},
  ];
  return Buffer.from(canonicalJson(fields), 'utf8');
}

/** Rows since migration 0008: hash = HMAC-SHA256(audit key, prev_hash || canonical bytes). */
export function chainHash(
  prevHash: Uint8Array,
  row: ChainContent,
  key: KeyObject | Buffer = currentAuditKey(),
): Buffer {
  return createHmac('sha256', key).update(prevHash).update(canonicalBytes(row, 'keyed')).digest();
}

/** Rows written before migration 0008: hash = SHA-256(prev_hash || canonical bytes). */
export function plainChainHash(prevHash: Uint8Array, row: ChainContent): Buffer {
  return createHash('sha256').update(prevHash).update(canonicalBytes(row, 'plain')).digest();
}

/**
 * Seals where the keyed segment starts, so that moving the boundary (to pass keyed rows off as plain
 * ones, recomputed without the key) needs the key too.
 */
export function boundaryCheck(
  keyedFrom: string | number | bigint,
  key: KeyObject | Buffer = currentAuditKey(),
): Buffer {
  return createHmac('sha256', key)
    .update(`audit-keyed-from:${String(keyedFrom)}`)
    .digest();
}
