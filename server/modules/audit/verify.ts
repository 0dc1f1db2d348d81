import type { Database } from '../../db/client';
import { CONTENT_COLUMNS_SQL, chainHash, GENESIS_HASH, type StoredAuditRow, toBuffer } from './chain';

export type AuditVerification =
  | { ok: true; rows: number; lastId: number | null; lastHash: string | null }
  | { ok: false; rows: number; brokenAt: number; reason: string };

const BATCH = 5_000;

/**
 * Walks the whole chain in id order (keyset batches) recomputing every hash, and names the FIRST broken
 * row. `rows` counts the rows checked (up to and including the broken one). Gaps in ids (rolled-back
 * appends) are fine as long as each prev_hash still names the row before. Removing the newest rows
 * leaves a shorter valid chain: keep `lastHash` somewhere else to detect that.
 */
export async function verifyAuditChain(db: Database): Promise<AuditVerification> {
  let previous: Buffer = GENESIS_HASH;
  let lastId: string | null = null;
  let rows = 0;
  for (;;) {
    const batch: StoredAuditRow[] = await db.query<StoredAuditRow>(
      `SELECT ${CONTENT_COLUMNS_SQL}, prev_hash, hash
         FROM audit_log WHERE id > $1::bigint ORDER BY audit_log.id LIMIT ${BATCH}`,
      [lastId ?? '0'],
    );
    for (const r of batch) {
      rows += 1;
      const id = Number(r.id);
      const prevHash = toBuffer(r.prev_hash);
      const hash = toBuffer(r.hash);
      if (!prevHash.equals(previous))
        return {
          ok: false,
          rows,
          brokenAt: id,
          reason: 'prev_hash does not match the previous row (row removed or inserted)',
        };
      const expected = chainHash(prevHash, {
        id: r.id,
        at: r.at,
        actorId: r.actor_id,
        actor: r.actor,
        action: r.action,
        objectType: r.object_type,
        objectId: r.object_id,
        requestId: r.request_id,
        details: JSON.parse(r.details),
      });
      if (!expected.equals(hash))
        return { ok: false, rows, brokenAt: id, reason: 'hash mismatch (row content changed)' };
      previous = hash;
      lastId = r.id;
    }
    if (batch.length < BATCH) break;
  }
  return {
    ok: true,
    rows,
    lastId: lastId === null ? null : Number(lastId),
    lastHash: lastId === null ? null : previous.toString('hex'),
  };
}
