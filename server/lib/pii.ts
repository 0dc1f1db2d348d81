// Personal-data protection: AES-256-GCM encryption with versioned keys, and a keyed HMAC for equality lookups.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  type KeyObject,
  randomBytes,
  randomFillSync,
} from 'node:crypto';
import { DomainError } from './errors';

export type PiiKeys = { encryptionKeys: Record<number, Buffer>; currentVersion: number; hmacKey: Buffer };

/**
 * Where a value lives. It is bound into the AES-GCM additional data (with the key version), so a blob
 * copied to another row, column or table no longer authenticates: swapped ciphertexts fail on read.
 */
export type PiiAad = { table: string; column: string; rowId: number };

export type PiiCipher = {
  encrypt(plain: string, aad: PiiAad): Buffer;
  decrypt(blob: Buffer, aad: PiiAad): string;
  hmac(normalised: string): Buffer;
  keyVersionOf(blob: Buffer): number;
};

/**
 * A stored value that does not authenticate where it is (tampered, moved, or under a key we lack). The
 * client sees a generic 500; `where` (never the value) is for the log.
 */
export class DataIntegrityError extends DomainError {
  constructor(
    readonly where: PiiAad & { keyVersion: number | null },
    readonly detail: string,
  ) {
    super(500, 'data_integrity', {
      en: 'A stored personal value failed its integrity check; the record cannot be read until an administrator restores it',
      zh: '存储的个人信息未通过完整性校验，管理员修复前无法读取该记录',
    });
  }
}

// Blob layout: [version:1][iv:12][tag:16][ciphertext].
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const HEADER_LENGTH = 1 + IV_LENGTH + TAG_LENGTH;
const HMAC_LENGTH = 16;
// IVs are random (96 bits) and drawn from a pool refilled in bulk: one CSPRNG call per 4096 encryptions.
const IV_POOL_SIZE = IV_LENGTH * 4096;

/** The additional authenticated data: format tag, table, column, row id and key version. */
export function aadBytes(aad: PiiAad, version: number): Buffer {
  return Buffer.from(`pii/v1\u0000${aad.table}\u0000${aad.column}\u0000${aad.rowId}\u0000${version}`, 'utf8');
}

export function generateKeyHex(): string {
  return randomBytes(32).toString('hex');
}

export function createPiiCipher(keys: PiiKeys): PiiCipher {
  const keyObjects = new Map<number, KeyObject>();
  for (const [versionText, key] of Object.entries(keys.encryptionKeys)) {
    const version = Number(versionText);
    if (!Number.isInteger(version) || version < 0 || version > 255) {
      throw new Error(`PII key version must be an integer in 0..255, got ${versionText}`);
    }
    if (key.length !== 32) throw new Error(`PII encryption key version ${version} must be 32 bytes`);
    keyObjects.set(version, createSecretKey(Buffer.from(key)));
  }
  const currentKey = keyObjects.get(keys.currentVersion);
  if (!currentKey) throw new Error(`PII current key version ${keys.currentVersion} has no key`);
  if (keys.hmacKey.length !== 32) throw new Error('PII HMAC key must be 32 bytes');
  const hmacKey = createSecretKey(Buffer.from(keys.hmacKey));
  const currentVersion = keys.currentVersion;

  const ivPool = Buffer.alloc(IV_POOL_SIZE);
  let ivOffset = IV_POOL_SIZE;

  function encrypt(plain: string, aad: PiiAad): Buffer {
    if (ivOffset === IV_POOL_SIZE) {
      randomFillSync(ivPool);
      ivOffset = 0;
    }
    const iv = ivPool.subarray(ivOffset, ivOffset + IV_LENGTH);
    ivOffset += IV_LENGTH;

    const cipher = createCipheriv('aes-256-gcm', currentKey!, iv, { authTagLength: TAG_LENGTH });
    cipher.setAAD(aadBytes(aad, currentVersion));
    const ciphertext = cipher.update(plain, 'utf8');
    cipher.final(); // GCM is a stream mode: final() emits nothing but computes the tag.

    const blob = Buffer.allocUnsafe(HEADER_LENGTH + ciphertext.length);
    blob[0] = currentVersion;
    iv.copy(blob, 1);
    cipher.getAuthTag().copy(blob, 1 + IV_LENGTH);
    ciphertext.copy(blob, HEADER_LENGTH);
    return blob;
  }

  function keyVersionOf(blob: Buffer): number {
    if (blob.length < HEADER_LENGTH) throw new Error(`PII blob too short (${blob.length} bytes)`);
    return blob[0]!;
  }

  function decrypt(blob: Buffer, aad: PiiAad): string {
    const fail = (version: number | null, detail: string) =>
      new DataIntegrityError({ ...aad, keyVersion: version }, detail);
    if (blob.length < HEADER_LENGTH) throw fail(null, `blob too short (${blob.length} bytes)`);
    const version = blob[0]!;
    const key = keyObjects.get(version);
    if (!key) throw fail(version, `unknown key version ${version}`);
    const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(1, 1 + IV_LENGTH), {
      authTagLength: TAG_LENGTH,
    });
    decipher.setAuthTag(blob.subarray(1 + IV_LENGTH, HEADER_LENGTH));
    decipher.setAAD(aadBytes(aad, version));
    try {
      const head = decipher.update(blob.subarray(HEADER_LENGTH));
      const tail = decipher.final();
      return tail.length === 0 ? head.toString('utf8') : Buffer.concat([head, tail]).toString('utf8');
    } catch {
      throw fail(version, 'failed authentication: tampered, moved from another row, or wrong key');
    }
  }

  function hmac(normalised: string): Buffer {
    return createHmac('sha256', hmacKey).update(normalised, 'utf8').digest().subarray(0, HMAC_LENGTH);
  }

  return { encrypt, decrypt, hmac, keyVersionOf };
}
