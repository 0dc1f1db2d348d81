import { createPiiCipher } from '../../server/lib/pii';

/** Fixed keys for tests only: the data they protect is generated and thrown away. */
export const testPii = createPiiCipher({
  encryptionKeys: { 1: Buffer.alloc(32, 7) },
  currentVersion: 1,
  hmacKey: Buffer.alloc(32, 9),
});
