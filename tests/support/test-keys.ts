import { createPiiCipher, type PiiKeys } from '../../server/lib/pii';
import { setAuditKey } from '../../server/modules/audit';

/** Fixed keys for tests only: the data they protect is generated and thrown away. */
export const testPiiKeys: PiiKeys = {
  encryptionKeys: { 1: Buffer.alloc(32, 7) },
  currentVersion: 1,
  hmacKey: Buffer.alloc(32, 9),
};
export const testPii = createPiiCipher(testPiiKeys);

/** The tests' audit key, set for every test process that imports these keys (as the server sets its own). */
export const testAuditKey = Buffer.alloc(32, 13);
setAuditKey(testAuditKey);

/** The same keys as the server's environment would carry them (for child processes such as scripts). */
export const testKeyEnvironment = {
  PII_KEYS: `1:${Buffer.alloc(32, 7).toString('hex')}`,
  PII_HMAC_KEY: Buffer.alloc(32, 9).toString('hex'),
  AUDIT_KEY: testAuditKey.toString('hex'),
};
