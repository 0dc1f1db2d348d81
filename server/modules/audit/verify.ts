import type { Database } from '../../db/client';
import { toBuffer } from '../../lib/bytes';
import {
  boundaryCheck,
  CONTENT_COLUMNS_SQL,
  chainHash,
  contentOf,
  GENESIS_HASH,
  plainChainHash,
  type StoredAuditRow,
} from './chain';

export type AuditVerification =
  | { ok: true; rows: number; lastId: number | null; lastHash: string | null }
  | { ok: false; rows: number; brokenAt: number; reason: string };

/** A row id and its hash (hex), noted outside the database by an operator. */
export interface AuditAnchor {
  id: number;
  hash: string;
}

const BATCH = 5_000;

const REASONS = {
  link: 'prev_hash does not match the previous row (row removed or inserted)',
  hash: 'hash mismatch (row content changed)',
  wrongKey:
    'the audit key does not open this trail (wrong AUDIT_KEY), or the start of its keyed part was moved',
  unsealed: 'keyed rows but no sealed key check (key_check.audit_check removed)',
  anchorChanged: 'the anchored row now has another hash (rewritten)',
  anchorMissing: 'the anchored row is missing (removed)',
  truncated: 'the trail ends before the anchored row (newest rows removed)',
} as const;

/**
 * Walks the whole chain in id order (keyset batches) recomputing every hash, and names the FIRST broken
 * row. `rows` counts the rows checked (up to and including the broken one). Gaps in ids (rolled-back
 * appends) are fine as long as each prev_hash still names the row before. Rows from key_check's
 * audit_keyed_from on are keyed (HMAC under the audit key): rewriting one and recomputing the rest needs
 * the key. Removing the newest rows leaves a shorter valid chain: an `anchor` kept elsewhere detects it.
 */
export async function verifyAuditChain(
  db: Database,
  options: { anchor?: AuditAnchor } = {},
): Promise<AuditVerification> {
  const { anchor } = options;
  const [check] = await db.query<{ keyed_from: string; audit_check: Uint8Array | null }>(
    'SELECT audit_keyed_from::text AS keyed_from, audit_check FROM key_check WHERE id = 1',
  );
  const keyedFrom = BigInt(check?.keyed_from ?? '1');
  const sealed = check?.audit_check ? toBuffer(check.audit_check) : null;
  if (sealed && !sealed.equals(boundaryCheck(keyedFrom)))
    return { ok: false, rows: 0, brokenAt: Number(keyedFrom), reason: REASONS.wrongKey };

  let previous: Buffer = GENESIS_HASH;
  let lastId: string | null = null;
  let rows = 0;
  let anchorSeen = false;
  const broken = (id: number | bigint, reason: string): AuditVerification => ({
    ok: false,
    rows,
    brokenAt: Number(id),
    reason,
  });
  for (;;) {
    const batch: StoredAuditRow[] = await db.query<StoredAuditRow>(
      `SELECT ${CONTENT_COLUMNS_SQL}, prev_hash, hash
         FROM audit_log WHERE id > $1::bigint ORDER BY audit_log.id LIMIT ${BATCH}`,
      [lastId ?? '0'],
    );
    for (const r of batch) {
      const id = BigInt(r.id);
      if (anchor && !anchorSeen && id > BigInt(anchor.id)) return broken(anchor.id, REASONS.anchorMissing);
      rows += 1;
      const prevHash = toBuffer(r.prev_hash);
      const hash = toBuffer(r.hash);
      if (!prevHash.equals(previous)) return broken(id, REASONS.link);
      const keyed = id >= keyedFrom;
      if (keyed && !sealed) return broken(id, REASONS.unsealed);
      const content = contentOf(r);
      const expected = keyed ? chainHash(prevHash, content) : plainChainHash(prevHash, content);
      if (!expected.equals(hash)) return broken(id, REASONS.hash);
      if (anchor && id === BigInt(anchor.id)) {
        if (hash.toString('hex') !== anchor.hash.toLowerCase()) return broken(id, REASONS.anchorChanged);
        anchorSeen = true;
      }
      previous = hash;
      lastId = r.id;
    }
    if (batch.length < BATCH) break;
  }
  if (anchor && !anchorSeen) return broken(anchor.id, REASONS.truncated);
  return {
    ok: true,
    rows,
    lastId: lastId === null ? null : Number(lastId),
    lastHash: lastId === null ? null : previous.toString('hex'),
  };
}

/** `<id>:<64 hex>`, as `npm run audit:verify` prints it; null when malformed. */
export function parseAnchor(text: string): AuditAnchor | null {
  const match = /^(\d{1,15}):([0-9a-fA-F]{64})$/.exec(text.trim());
  return match ? { id: Number(match[1]), hash: match[2]!.toLowerCase() } : null;
}
