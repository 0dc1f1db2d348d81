import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';
import { generateKeyHex, type PiiKeys } from './pii';

interface KeyFile {
  encryptionKeys: Record<string, string>;
  currentVersion: number;
  hmacKey: string;
}

const fromFile = (file: KeyFile): PiiKeys => ({
  encryptionKeys: Object.fromEntries(
    Object.entries(file.encryptionKeys).map(([v, hex]) => [Number(v), Buffer.from(hex, 'hex')]),
  ),
  currentVersion: file.currentVersion,
  hmacKey: Buffer.from(file.hmacKey, 'hex'),
});

/**
 * Personal-data keys: from PII_KEYS ("2:<hex>,1:<hex>", the first is current) and PII_HMAC_KEY when set;
 * otherwise from <dataDir>/keys.json, created with fresh random keys on first start (demo installs).
 */
export function loadPiiKeys(config: Config): { keys: PiiKeys; origin: 'environment' | 'file' | 'created' } {
  if (config.piiKeys && config.piiHmacKey) {
    const pairs = config.piiKeys.split(',').map((entry) => entry.trim().split(':'));
    const encryptionKeys: Record<string, string> = {};
    for (const [version, hex] of pairs) {
      if (!version || !/^\d+$/.test(version) || !hex || !/^[0-9a-f]{64}$/.test(hex)) {
        throw new Error('PII_KEYS must look like "2:<64 hex chars>,1:<64 hex chars>"');
      }
      encryptionKeys[version] = hex;
    }
    const currentVersion = Number(pairs[0]![0]);
    return {
      keys: fromFile({ encryptionKeys, currentVersion, hmacKey: config.piiHmacKey }),
      origin: 'environment',
    };
  }
  const path = join(config.dataDir, 'keys.json');
  if (existsSync(path))
    return { keys: fromFile(JSON.parse(readFileSync(path, 'utf8')) as KeyFile), origin: 'file' };
  mkdirSync(config.dataDir, { recursive: true });
  const created: KeyFile = {
    encryptionKeys: { '1': generateKeyHex() },
    currentVersion: 1,
    hmacKey: generateKeyHex(),
  };
  writeFileSync(path, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600 });
  return { keys: fromFile(created), origin: 'created' };
}
