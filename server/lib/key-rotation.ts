import type { Database } from '../db/client';
import type { PiiCipher } from './pii';

/** Every encrypted column in the schema. A new one must be added here to be rotated. */
export const ENCRYPTED_COLUMNS: readonly { table: string; column: string }[] = [
  { table: 'residents', column: 'id_number_enc' },
  { table: 'residents', column: 'phone_enc' },
  { table: 'health_records', column: 'conditions_enc' },
  { table: 'staff', column: 'phone_enc' },
];

const BATCH = 5_000;

/**
 * Re-encrypts every blob whose key version is not the cipher's current one, in batches of one transaction
 * each (safe to interrupt and run again: finished rows are skipped by their version byte).
 * The keyed search hashes are untouched: they use the separate HMAC key. Each value stays bound to its
 * table, column and row (the additional data), now with the new key version.
 */
export async function reencryptAll(
  db: Database,
  cipher: PiiCipher,
  currentVersion: number,
  onBatch?: (table: string, column: string, done: number) => void,
): Promise<number> {
  let total = 0;
  for (const { table, column } of ENCRYPTED_COLUMNS) {
    let lastId = 0;
    let done = 0;
    for (;;) {
      const rows = await db.query<{ id: number; blob: Uint8Array }>(
        `SELECT id, ${column} AS blob FROM ${table}
          WHERE id > $1 AND ${column} IS NOT NULL AND get_byte(${column}, 0) <> $2 ORDER BY id LIMIT ${BATCH}`,
        [lastId, currentVersion],
      );
      if (rows.length === 0) break;
      const ids = rows.map((r) => r.id);
      const blobs = rows.map((r) => {
        const aad = { table, column, rowId: r.id };
        return `\\x${cipher.encrypt(cipher.decrypt(Buffer.from(r.blob), aad), aad).toString('hex')}`;
      });
      await db.query(
        `UPDATE ${table} t SET ${column} = v.blob::bytea FROM unnest($1::int[], $2::text[]) AS v(id, blob) WHERE t.id = v.id`,
        [ids, blobs],
      );
      lastId = ids.at(-1)!;
      done += rows.length;
      onBatch?.(table, column, done);
    }
    total += done;
  }
  return total;
}
