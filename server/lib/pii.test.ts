import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPiiCipher, generateKeyHex } from './pii';

const key1 = randomBytes(32);
const key2 = randomBytes(32);
const hmacKey = randomBytes(32);

describe('createPiiCipher', () => {
  const cipher = createPiiCipher({ encryptionKeys: { 1: key1, 2: key2 }, currentVersion: 2, hmacKey });

  it('round-trips text, including empty and non-ASCII strings', () => {
    for (const plain of ['', '44011219900101123X', '张三丰', 'x'.repeat(1000)]) {
      const blob = cipher.encrypt(plain);
      expect(blob.length).toBe(1 + 12 + 16 + Buffer.byteLength(plain));
      expect(cipher.keyVersionOf(blob)).toBe(2);
      expect(cipher.decrypt(blob)).toBe(plain);
    }
  });

  it('uses a fresh IV every time', () => {
    const a = cipher.encrypt('same');
    const b = cipher.encrypt('same');
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false);
  });

  it('decrypts blobs made with an older key version', () => {
    const old = createPiiCipher({ encryptionKeys: { 1: key1 }, currentVersion: 1, hmacKey });
    const blob = old.encrypt('13812345678');
    expect(cipher.keyVersionOf(blob)).toBe(1);
    expect(cipher.decrypt(blob)).toBe('13812345678');
  });

  it('detects tampering anywhere in the blob', () => {
    const blob = cipher.encrypt('44011219900101123X');
    for (let i = 1; i < blob.length; i++) {
      const tampered = Buffer.from(blob);
      tampered[i]! ^= 0x01;
      expect(() => cipher.decrypt(tampered)).toThrow(/failed authentication/);
    }
  });

  it('rejects unknown key versions and truncated blobs', () => {
    const blob = cipher.encrypt('x');
    blob[0] = 9;
    expect(() => cipher.decrypt(blob)).toThrow(/unknown key version 9/);
    expect(() => cipher.decrypt(Buffer.alloc(10))).toThrow(/too short/);
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
    for (let i = 0; i < n; i++) cipher.encrypt('44011219900101123X');
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
