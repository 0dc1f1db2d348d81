import { type Config, loadConfig } from '../server/config';
import type { PiiKeys } from '../server/lib/pii';
import { loadPiiKeys } from '../server/lib/pii-keys';

/**
 * Personal-data keys for command-line scripts, found exactly as the server finds them: PII_KEYS
 * ("2:<hex>,1:<hex>", first is current) with PII_HMAC_KEY, else <DATA_DIR>/keys.json, created on first use
 * as { "encryptionKeys": { "1": "<hex>" }, "currentVersion": 1, "hmacKey": "<hex>" }.
 */
export function loadPiiKeysForScript(config: Config = loadConfig()): PiiKeys {
  return loadPiiKeys(config).keys;
}
