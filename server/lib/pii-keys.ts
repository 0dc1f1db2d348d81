import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { keyCheck } from '../db/schema';
import { generateKeyHex, type PiiKeys } from './pii';

/** Every key an install needs: personal data (encryption, search hashes) and the audit chain. */
export interface InstallKeys {
  pii: PiiKeys;
  auditKey: Buffer;
}

export type KeySource = { origin: 'environment' } | { origin: 'file' | 'created' | 'moved'; path: string };

interface KeyFile {
  encryptionKeys: Record<string, string>;
  currentVersion: number;
  hmacKey: string;
  auditKey?: string;
}

/** Keys that cannot be used for this database; the message says what to do. Start-up stops on it. */
export class KeysUnavailableError extends Error {}

const fromFile = (file: KeyFile & { auditKey: string }): InstallKeys => ({
  pii: {
    encryptionKeys: Object.fromEntries(
      Object.entries(file.encryptionKeys).map(([v, hex]) => [Number(v), Buffer.from(hex, 'hex')]),
    ),
    currentVersion: file.currentVersion,
    hmacKey: Buffer.from(file.hmacKey, 'hex'),
  },
  auditKey: Buffer.from(file.auditKey, 'hex'),
});

export const toKeyFile = (keys: InstallKeys): KeyFile => ({
  encryptionKeys: Object.fromEntries(
    Object.entries(keys.pii.encryptionKeys).map(([v, k]) => [v, k.toString('hex')]),
  ),
  currentVersion: keys.pii.currentVersion,
  hmacKey: keys.pii.hmacKey.toString('hex'),
  auditKey: keys.auditKey.toString('hex'),
});

/** Written owner-only, in a folder of its own, replaced atomically. */
export function writeKeyFile(path: string, keys: InstallKeys): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(toKeyFile(keys), null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}

function fromEnvironment(config: Config): InstallKeys {
  const encryptionKeys: Record<string, string> = {};
  const pairs = config.piiKeys!.split(',').map((entry) => entry.trim().split(':'));
  for (const [version, hex] of pairs) {
    if (!version || !/^\d+$/.test(version) || !hex || !/^[0-9a-f]{64}$/.test(hex)) {
      throw new KeysUnavailableError('PII_KEYS must look like "2:<64 hex chars>,1:<64 hex chars>"');
    }
    encryptionKeys[version] = hex;
  }
  const currentVersion = Number(pairs[0]![0]);
  return fromFile({
    encryptionKeys,
    currentVersion,
    hmacKey: config.piiHmacKey!,
    auditKey: config.auditKey!,
  });
}

/** Where the demo keeps this database's keys: KEYS_FILE, else keys-<install id>.json in the keys folder. */
export async function keyFilePath(config: Config, db: Database): Promise<string> {
  if (config.keysFile) return resolve(config.keysFile);
  const [row] = await db.orm
    .select({ installId: keyCheck.installId })
    .from(keyCheck)
    .where(eq(keyCheck.id, 1));
  if (!row) throw new KeysUnavailableError('key_check is empty: run the migrations first');
  return resolve(config.keysDir, `keys-${row.installId}.json`);
}

async function holdsEncryptedData(db: Database): Promise<boolean> {
  const [row] = await db.query<{ held: boolean }>(
    `SELECT (SELECT pii_check IS NOT NULL FROM key_check WHERE id = 1)
         OR EXISTS (SELECT 1 FROM residents) OR EXISTS (SELECT 1 FROM staff)
         OR EXISTS (SELECT 1 FROM health_records) AS held`,
  );
  return row?.held === true;
}

/**
 * The install's keys: from PII_KEYS, PII_HMAC_KEY and AUDIT_KEY when set (production: environment or a
 * secret manager); otherwise from the demo's key file outside the data folder, created on first start.
 * A key file in the data folder would travel with every copy of the database, so it is refused there;
 * the `keys.json` earlier versions kept in the data folder is moved out. A database that already holds
 * encrypted data never gets fresh keys: it would only become unreadable.
 */
export async function loadInstallKeys(
  config: Config,
  db: Database,
): Promise<{ keys: InstallKeys; source: KeySource }> {
  if (config.piiKeys) return { keys: fromEnvironment(config), source: { origin: 'environment' } };
  const path = await keyFilePath(config, db);
  const dataDir = resolve(config.dataDir);
  const inside = relative(dataDir, path);
  if (!config.databaseUrl && !inside.startsWith('..') && !inside.startsWith('/')) {
    throw new KeysUnavailableError(
      `The key file ${path} lies inside the data folder ${dataDir}: every copy of the database would carry its keys. Set KEYS_FILE to a path outside it.`,
    );
  }
  const legacy = join(dataDir, 'keys.json');
  for (const [candidate, origin] of [
    [path, 'file'],
    [legacy, 'moved'],
  ] as const) {
    if (config.databaseUrl && candidate === legacy) continue;
    if (!existsSync(candidate)) continue;
    const file = JSON.parse(readFileSync(candidate, 'utf8')) as KeyFile;
    const keys = fromFile({ ...file, auditKey: file.auditKey ?? generateKeyHex() });
    if (origin === 'moved' || !file.auditKey) writeKeyFile(path, keys);
    if (origin === 'moved') rmSync(legacy);
    return { keys, source: { origin, path } };
  }
  if (await holdsEncryptedData(db)) {
    throw new KeysUnavailableError(
      `This database holds encrypted personal data, but its keys are not at ${path}. Restore that key file (or set KEYS_FILE to where it is), or set PII_KEYS, PII_HMAC_KEY and AUDIT_KEY. New keys would not open the data.`,
    );
  }
  const keys = fromFile({
    encryptionKeys: { '1': generateKeyHex() },
    currentVersion: 1,
    hmacKey: generateKeyHex(),
    auditKey: generateKeyHex(),
  });
  writeKeyFile(path, keys);
  return { keys, source: { origin: 'created', path } };
}
