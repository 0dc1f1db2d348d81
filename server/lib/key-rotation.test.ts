import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/test-app';
import { testPii } from '../../tests/support/test-keys';
import type { Database } from '../db/client';
import { ENCRYPTED_COLUMNS, reencryptAll } from './key-rotation';
import { createPiiCipher } from './pii';

describe('personal-data key rotation', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('re-encrypts every value under the new key, keeping the plain text and the search hashes', async () => {
    const [before] = await db.query<{ id: number; id_number_enc: Uint8Array; id_number_hmac: Uint8Array }>(
      'SELECT id, id_number_enc, id_number_hmac FROM residents ORDER BY id LIMIT 1',
    );
    const aad = { table: 'residents', column: 'id_number_enc', rowId: before!.id };
    const plain = testPii.decrypt(Buffer.from(before!.id_number_enc), aad);
    const rotated = createPiiCipher({
      encryptionKeys: { 1: Buffer.alloc(32, 7), 2: Buffer.alloc(32, 11) },
      currentVersion: 2,
      hmacKey: Buffer.alloc(32, 9),
    });
    const count = await reencryptAll(db, rotated, 2);
    expect(count).toBeGreaterThan(100);
    for (const { table, column } of ENCRYPTED_COLUMNS) {
      const [left] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} WHERE ${column} IS NOT NULL AND get_byte(${column}, 0) <> 2`,
      );
      expect(left!.n, `${table}.${column}`).toBe(0);
    }
    const [after] = await db.query<{ id_number_enc: Uint8Array; id_number_hmac: Uint8Array }>(
      `SELECT id_number_enc, id_number_hmac FROM residents WHERE id = ${before!.id}`,
    );
    expect(rotated.decrypt(Buffer.from(after!.id_number_enc), aad)).toBe(plain);
    expect(() => testPii.decrypt(Buffer.from(after!.id_number_enc), aad)).toThrow();
    // Still bound to its row: the rotated blob does not open as another row's.
    expect(() =>
      rotated.decrypt(Buffer.from(after!.id_number_enc), { ...aad, rowId: aad.rowId + 1 }),
    ).toThrow();
    expect(Buffer.from(after!.id_number_hmac).equals(Buffer.from(before!.id_number_hmac))).toBe(true);
    expect(await reencryptAll(db, rotated, 2)).toBe(0);
    // Rotate back: on PostgreSQL the other test files share this database and hold only key 1.
    const back = createPiiCipher({
      ...{ encryptionKeys: { 1: Buffer.alloc(32, 7), 2: Buffer.alloc(32, 11) } },
      currentVersion: 1,
      hmacKey: Buffer.alloc(32, 9),
    });
    expect(await reencryptAll(db, back, 1)).toBe(count);
    expect(
      testPii.decrypt(
        Buffer.from(
          (
            await db.query<{ e: Uint8Array }>(
              `SELECT id_number_enc AS e FROM residents WHERE id = ${before!.id}`,
            )
          )[0]!.e,
        ),
        aad,
      ),
    ).toBe(plain);
  });
});
