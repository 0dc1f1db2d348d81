import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPiiCipher, DataIntegrityError, generateKeyHex, type PiiAad } from './pii';

const key1 = randomBytes(32);
const key2 = randomBytes(32);
const hmacKey = randomBytes(32);
const at: PiiAad = { table: 'residents', column: 'id_number_enc', rowId: 42 };

const caught = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
};

describe('createPiiCipher', () => {
  const cipher = createPiiCipher({ encryptionKeys: { 1: key1, 2: key2 }, currentVersion: 2, hmacKey });

  it('round-trips text, including empty and non-ASCII strings', () => {
    for (const plain of ['', '44011219900101123X', '张三丰', 'x'.repeat(1000)]) {
      const blob = cipher.encrypt(plain, at);
      expect(blob.length).toBe(1 + 12 + 16 + Buffer.byteLength(plain));
      expect(cipher.keyVersionOf(blob)).toBe(2);
      expect(cipher.decrypt(blob, at)).toBe(plain);
    }
  });

  it('uses a fresh IV every time', () => {
    const a = cipher.encrypt('same', at);
    const b = cipher.encrypt('same', at);
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false);
  });

  it('decrypts blobs made with an older key version', () => {
    const old = createPiiCipher({ encryptionKeys: { 1: key1 }, currentVersion: 1, hmacKey });
    const blob = old.encrypt('13812345678', at);
    expect(cipher.keyVersionOf(blob)).toBe(1);
    expect(cipher.decrypt(blob, at)).toBe('13812345678');
  });

  it('detects tampering anywhere in the blob', () => {
    const blob = cipher.encrypt('44011219900101123X', at);
    for (let i = 1; i < blob.length; i++) {
      const tampered = Buffer.from(blob);
      tampered[i]! ^= 0x01;
      expect(() => cipher.decrypt(tampered, at)).toThrow(DataIntegrityError);
    }
  });

  it('binds each value to its table, column, row and key version (additional data)', () => {
    const blob = cipher.encrypt('44011219900101123X', at);
    for (const elsewhere of [
      { ...at, rowId: 43 },
      { ...at, column: 'phone_enc' },
      { ...at, table: 'staff' },
    ]) {
      const error = caught(() => cipher.decrypt(blob, elsewhere));
      expect(error).toBeInstanceOf(DataIntegrityError);
      // Where it failed is known for the log; the value is in neither the message nor the context.
      expect((error as DataIntegrityError).where).toMatchObject({ ...elsewhere, keyVersion: 2 });
      expect(JSON.stringify({ error, message: (error as Error).message })).not.toContain('4401121990');
      expect((error as DataIntegrityError).statusCode).toBe(500);
      expect((error as DataIntegrityError).code).toBe('data_integrity');
    }
    // The key version is bound too: relabelling a version-2 blob as version 1 fails even with both keys.
    const relabelled = Buffer.from(blob);
    relabelled[0] = 1;
    expect(() => cipher.decrypt(relabelled, at)).toThrow(DataIntegrityError);
  });

  it('rejects unknown key versions and truncated blobs', () => {
    const blob = cipher.encrypt('x', at);
    blob[0] = 9;
    expect(caught(() => cipher.decrypt(blob, at))).toMatchObject({ detail: 'unknown key version 9' });
    expect(() => cipher.decrypt(Buffer.alloc(10), at)).toThrow(DataIntegrityError);
  });

  it('rejects invalid key configuration', () => {
    expect(() => createPiiCipher({ encryptionKeys: { 1: key1 }, currentVersion: 2, hmacKey })).toThrow();
    expect(() =>
      createPiiCipher({ encryptionKeys: { 1: randomBytes(16) }, currentVersion: 1, hmacKey }),
    ).toThrow();
    expect(() => createPiiCipher({ encryptionKeys: { 300: key1 }, currentVersion: 300, hmacKey })).toThrow();
    expect(() =>
      createPiiCipher({ encryptionKeys: { 1: key1 }, currentVersion: 1, hmacKey: randomBytes(8) }),
    ).toThrow();
  });

  it('hmac is deterministic, 16 bytes and keyed', () => {
    const a = cipher.hmac('44011219900101123X');
    expect(a.length).toBe(16);
    expect(cipher.hmac('44011219900101123X').equals(a)).toBe(true);
    expect(cipher.hmac('44011219900101123Y').equals(a)).toBe(false);
    const other = createPiiCipher({
      encryptionKeys: { 1: key1 },
      currentVersion: 1,
      hmacKey: randomBytes(32),
    });
    expect(other.hmac('44011219900101123X').equals(a)).toBe(false);
  });

  it('encrypts fast enough for bulk loading (reported, not asserted)', () => {
    const n = 100_000;
    const start = performance.now();
    for (let i = 0; i < n; i++) cipher.encrypt('44011219900101123X', at);
    const opsPerSecond = Math.round((n / (performance.now() - start)) * 1000);
    console.log(`pii encrypt: ${opsPerSecond} ops/s`);
    expect(opsPerSecond).toBeGreaterThan(0);
  });
});

describe('generateKeyHex', () => {
  it('returns 32 random bytes as hex', () => {
    const a = generateKeyHex();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(generateKeyHex()).not.toBe(a);
  });
});
