import { sql } from 'drizzle-orm';
import { type Database, execRows, type Orm } from '../../db/client';
import { toBuffer } from '../../lib/bytes';
import { atTextSql, boundaryCheck, chainHash, GENESIS_HASH } from './chain';

export interface AuditEntry {
  /** The account acting, when there is one. */
  actorId: number | null;
  /** 'account:12:grid001', 'anonymous', 'system'. */
  actor: string;
  /** 'login.success', 'registry.update', 'personal.reveal', … */
  action: string;
  objectType?: string | null;
  objectId?: string | number | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
}

/** Any constant: every append in every process takes this transaction-scoped lock, so appends take turns. */
const AUDIT_LOCK = 1_635_083_380;

/**
 * Appends one row to the audit chain INSIDE the caller's transaction: it commits or rolls back with the
 * action it records. The advisory lock is held until that transaction ends, so call this as the last
 * write of the transaction to keep other writers' wait short. Needs READ COMMITTED (the default): a
 * REPEATABLE READ snapshot taken before the lock could miss the newest row and fork the chain.
 */
export async function appendAudit(tx: Orm, entry: AuditEntry): Promise<void> {
  const [lock] = await execRows<{ isolation: string }>(
    tx,
    sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK}), current_setting('transaction_isolation') AS isolation`,
  );
  if (lock?.isolation !== 'read committed')
    throw new Error(`appendAudit needs a READ COMMITTED transaction, not ${lock?.isolation}`);
  // After the lock: the newest committed row is the head, and ids drawn now grow in chain order.
  // `at` comes from the database clock (one clock for every API process), read under the lock so that
  // time order follows chain order, cut to milliseconds and hashed in the text form it is stored as.
  const [next] = await execRows<{
    id: string | number;
    at: string;
    prev: Uint8Array | null;
    keyed_from: string;
    sealed: boolean;
  }>(
    tx,
    sql.raw(`SELECT nextval('audit_log_id_seq')::text AS id,
      ${atTextSql('clock_timestamp()')} AS at,
      (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS prev,
      k.audit_keyed_from::text AS keyed_from, k.audit_check IS NOT NULL AS sealed
      FROM key_check k WHERE k.id = 1`),
  );
  if (!next) throw new Error('audit: could not draw the next id (is migration 0008 applied?)');
  // The first keyed append seals where the keyed segment starts (checked by verification).
  if (!next.sealed)
    await tx.execute(
      sql`UPDATE key_check SET audit_check = ${boundaryCheck(next.keyed_from)} WHERE id = 1 AND audit_check IS NULL`,
    );
  const prevHash = next.prev ? toBuffer(next.prev) : GENESIS_HASH;
  const row = {
    id: String(next.id),
    at: next.at,
    actorId: entry.actorId,
    actor: cleanText(entry.actor),
    action: cleanText(entry.action),
    objectType: nullableText(entry.objectType),
    objectId: nullableText(entry.objectId),
    requestId: nullableText(entry.requestId),
    details: jsonbSafe(entry.details ?? {}),
  };
  const hash = chainHash(prevHash, row);
  await tx.execute(sql`
    INSERT INTO audit_log (id, at, actor_id, actor, action, object_type, object_id, request_id, details, prev_hash, hash)
    VALUES (${row.id}::bigint, ${row.at}::timestamptz, ${row.actorId}::integer, ${row.actor}, ${row.action},
      ${row.objectType}::text, ${row.objectId}::text, ${row.requestId}::text, ${JSON.stringify(row.details)}::jsonb,
      ${prevHash}, ${hash})`);
}

/** For actions outside any transaction (a failed login): appends in a transaction of its own. */
export async function appendAuditNow(db: Database, entry: AuditEntry): Promise<void> {
  await db.orm.transaction((tx) => appendAudit(tx as unknown as Orm, entry));
}

const nullableText = (v: string | number | null | undefined) => (v == null ? null : cleanText(String(v)));

/**
 * Text exactly as PostgreSQL will store and return it: NUL (refused by text and jsonb) and unpaired
 * surrogates (refused by jsonb, re-encoded as U+FFFD in text) become U+FFFD here, before hashing, so the
 * hash covers what is stored and an odd character in user input never makes the audited action fail.
 */
function cleanText(s: string): string {
  return s.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what must be replaced
    /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

/**
 * Details as JSON will carry them (toJSON applied, undefined dropped, bigint as text), with clean text, so
 * that the value hashed now equals the value jsonb hands back at verification.
 */
function jsonbSafe(details: Record<string, unknown>): Record<string, unknown> {
  const plain: unknown = JSON.parse(
    JSON.stringify(details, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '{}',
  );
  const clean = (v: unknown): unknown => {
    if (typeof v === 'string') return cleanText(v);
    if (Array.isArray(v)) return v.map(clean);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      // defineProperty: a key named "__proto__" stays a plain key, as it is in jsonb.
      for (const [k, x] of Object.entries(v))
        Object.defineProperty(out, cleanText(k), {
          value: clean(x),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return out;
    }
    return v;
  };
  const out = clean(plain);
  return out && typeof out === 'object' && !Array.isArray(out)
    ? (out as Record<string, unknown>)
    : { value: out };
}
