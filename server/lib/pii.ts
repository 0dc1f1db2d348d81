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

export type PiiKeys = { encryptionKeys: Record<number, Buffer>; currentVersion: number; hmacKey: Buffer };

export type PiiCipher = {
  encrypt(plain: string): Buffer;
  decrypt(blob: Buffer): string;
  hmac(normalised: string): Buffer;
  keyVersionOf(blob: Buffer): number;
};

// Blob layout: [version:1][iv:12][tag:16][ciphertext].
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const HEADER_LENGTH = 1 + IV_LENGTH + TAG_LENGTH;
const HMAC_LENGTH = 16;
// IVs are random (96 bits) and drawn from a pool refilled in bulk: one CSPRNG call per 4096 encryptions.
const IV_POOL_SIZE = IV_LENGTH * 4096;

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

  function encrypt(plain: string): Buffer {
    if (ivOffset === IV_POOL_SIZE) {
      randomFillSync(ivPool);
      ivOffset = 0;
    }
    const iv = ivPool.subarray(ivOffset, ivOffset + IV_LENGTH);
    ivOffset += IV_LENGTH;

    const cipher = createCipheriv('aes-256-gcm', currentKey!, iv, { authTagLength: TAG_LENGTH });
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

  function decrypt(blob: Buffer): string {
    const version = keyVersionOf(blob);
    const key = keyObjects.get(version);
    if (!key) throw new Error(`PII blob uses unknown key version ${version}`);
    const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(1, 1 + IV_LENGTH), {
      authTagLength: TAG_LENGTH,
    });
    decipher.setAuthTag(blob.subarray(1 + IV_LENGTH, HEADER_LENGTH));
    try {
      const head = decipher.update(blob.subarray(HEADER_LENGTH));
      const tail = decipher.final();
      return tail.length === 0 ? head.toString('utf8') : Buffer.concat([head, tail]).toString('utf8');
    } catch {
      throw new Error(`PII blob failed authentication (key version ${version}): tampered or wrong key`);
    }
  }

  function hmac(normalised: string): Buffer {
    return createHmac('sha256', hmacKey).update(normalised, 'utf8').digest().subarray(0, HMAC_LENGTH);
  }

  return { encrypt, decrypt, hmac, keyVersionOf };
}
