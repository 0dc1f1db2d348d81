import { createHash } from 'node:crypto';

/** The prev_hash of the first row. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/** Bumped only with a new serialisation, so that old rows stay verifiable. */
const FORMAT = 'audit/v1';

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
export function canonicalBytes(row: ChainContent): Buffer {
  const fields = [
    FORMAT,
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

/** hash = SHA-256(prev_hash || canonical bytes). */
export function chainHash(prevHash: Uint8Array, row: ChainContent): Buffer {
  return createHash('sha256').update(prevHash).update(canonicalBytes(row)).digest();
}

/** bytea as either driver returns it (node-postgres: Buffer; PGlite: Uint8Array). */
export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
