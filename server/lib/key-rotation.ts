import { createDecipheriv } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { keyCheck } from '../db/schema';
import type { PiiCipher, PiiKeys } from './pii';

/** Every encrypted column in the schema. A new one must be added here to be rotated. */
export const ENCRYPTED_COLUMNS: readonly { table: string; column: string }[] = [
  { table: 'residents', column: 'id_number_enc' },
  { table: 'residents', column: 'phone_enc' },
  { table: 'health_records', column: 'conditions_enc' },
  { table: 'staff', column: 'phone_enc' },
  { table: 'accounts', column: 'totp_secret' },
  { table: 'accounts', column: 'totp_pending_secret' },
  { table: 'key_check', column: 'pii_check' },
];

const BATCH = 5_000;

type Rewrite = (blob: Buffer, aad: { table: string; column: string; rowId: number }) => Buffer | null;

/** Rewrites the selected blobs of every encrypted column, one transaction per batch of rows. */
async function rewriteAll(
  db: Database,
  select: (column: string) => string,
  params: (lastId: number) => unknown[],
  rewrite: Rewrite,
  onBatch?: (table: string, column: string, done: number) => void,
): Promise<number> {
  let total = 0;
  for (const { table, column } of ENCRYPTED_COLUMNS) {
    let lastId = 0;
    let done = 0;
    for (;;) {
      const rows = await db.query<{ id: number; blob: Uint8Array }>(
        `SELECT id, ${column} AS blob FROM ${table}
          WHERE id > $1 AND ${column} IS NOT NULL ${select(column)} ORDER BY id LIMIT ${BATCH}`,
        params(lastId),
      );
      if (rows.length === 0) break;
      lastId = rows.at(-1)!.id;
      const changed = rows
        .map((r) => ({ id: r.id, blob: rewrite(Buffer.from(r.blob), { table, column, rowId: r.id }) }))
        .filter((r): r is { id: number; blob: Buffer } => r.blob !== null);
      if (changed.length > 0) {
        await db.query(
          `UPDATE ${table} t SET ${column} = v.blob::bytea FROM unnest($1::int[], $2::text[]) AS v(id, blob) WHERE t.id = v.id`,
          [changed.map((r) => r.id), changed.map((r) => `\\x${r.blob.toString('hex')}`)],
        );
      }
      done += changed.length;
      onBatch?.(table, column, done);
    }
    total += done;
  }
  return total;
}

/**
 * Re-encrypts every blob whose key version is not the cipher's current one, in batches of one transaction
 * each (safe to interrupt and run again: finished rows are skipped by their version byte).
 * The keyed search hashes are untouched: they use the separate HMAC key. Each value stays bound to its
 * table, column and row (the additional data), now with the new key version.
 */
export function reencryptAll(
  db: Database,
  cipher: PiiCipher,
  currentVersion: number,
  onBatch?: (table: string, column: string, done: number) => void,
): Promise<number> {
  return rewriteAll(
    db,
    (column) => `AND get_byte(${column}, 0) <> $2`,
    (lastId) => [lastId, currentVersion],
    (blob, aad) => cipher.encrypt(cipher.decrypt(blob, aad), aad),
    onBatch,
  );
}

/** A value written before row binding (AES-GCM without additional data); null if it does not open. */
export function openUnbound(keys: PiiKeys, blob: Buffer): string | null {
  const key = keys.encryptionKeys[blob[0]!];
  if (!key || blob.length < 29) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(1, 13), { authTagLength: 16 });
    decipher.setAuthTag(blob.subarray(13, 29));
    return Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/**
 * Once, at the first start after migration 0008 on a database that already held personal data: binds
 * every value to its row (re-encrypts it with the additional data). Restartable: values that already open
 * bound are left alone. A value that opens neither way is left as it is, and reads of it fail loudly.
 */
export async function bindUnboundValues(
  db: Database,
  keys: PiiKeys,
  cipher: PiiCipher,
  onBatch?: (table: string, column: string, done: number) => void,
): Promise<number> {
  const [state] = await db.orm
    .select({ pending: keyCheck.piiUnbound })
    .from(keyCheck)
    .where(eq(keyCheck.id, 1));
  if (!state?.pending) return 0;
  const bound = await rewriteAll(
    db,
    () => '',
    (lastId) => [lastId],
    (blob, aad) => {
      if (aad.table === 'key_check') return null;
      try {
        cipher.decrypt(blob, aad);
        return null;
      } catch {
        const plain = openUnbound(keys, blob);
        return plain === null ? null : cipher.encrypt(plain, aad);
      }
    },
    onBatch,
  );
  await db.orm.update(keyCheck).set({ piiUnbound: false }).where(eq(keyCheck.id, 1));
  return bound;
}
