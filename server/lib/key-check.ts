import type { Config } from '../config';
import type { Database } from '../db/client';
import { toBuffer } from './bytes';
import { bindUnboundValues, ENCRYPTED_COLUMNS, openUnbound } from './key-rotation';
import { createPiiCipher, DataIntegrityError, type PiiCipher } from './pii';
import { type InstallKeys, KeysUnavailableError, loadInstallKeys } from './pii-keys';

/**
 * The audit trail's side of the key check, handed in by the caller (the audit module's `auditKeys`): the
 * shared layer does not depend on a module.
 */
export interface AuditKeys {
  /** Makes the key the process's audit key. */
  use(key: Buffer): void;
  /** The seal of where the keyed audit segment starts, under the key. */
  seal(keyedFrom: string, key: Buffer): Buffer;
}

interface StartLog {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * At start, before anything reads or writes: the install's keys (environment or the demo's key file),
 * proven to open this database, the audit key set for the process, and personal values from before row
 * binding bound (once). Throws KeysUnavailableError with what to do when the keys do not fit.
 */
export async function prepareKeys(
  config: Config,
  db: Database,
  log: StartLog,
  audit: AuditKeys,
): Promise<{ keys: InstallKeys; pii: PiiCipher }> {
  const { keys, source } = await loadInstallKeys(config, db);
  if (source.origin !== 'environment') {
    const verb = { created: 'created in', moved: 'moved out of the data folder to', file: 'read from' };
    log.warn(
      `demo keys ${verb[source.origin]} ${source.path}; in production set PII_KEYS, PII_HMAC_KEY and AUDIT_KEY`,
    );
  }
  const pii = createPiiCipher(keys.pii);
  await checkKeys(db, keys, pii, audit);
  const bound = await bindUnboundValues(db, keys.pii, pii);
  if (bound > 0) log.info(`${bound} personal values from before row binding are now bound to their rows`);
  return { keys, pii };
}

const CHECK_TEXT = 'grid-governance key check';
export const PII_CHECK_AAD = { table: 'key_check', column: 'pii_check', rowId: 1 } as const;

interface CheckRow extends Record<string, unknown> {
  pii_check: Uint8Array | null;
  hmac_check: Uint8Array | null;
  audit_keyed_from: string;
  audit_check: Uint8Array | null;
  pii_unbound: boolean;
}

const refuse = (what: string) =>
  new KeysUnavailableError(
    `${what} This database was written with other keys: start with the keys it was created with (its key file, or PII_KEYS, PII_HMAC_KEY and AUDIT_KEY).`,
  );

/**
 * Proves at start that the keys open this database, and makes the audit key the process's: the personal
 * data key decrypts key_check.pii_check, the search-hash key reproduces hmac_check, the audit key the
 * seal of the keyed audit segment. On a database without check values yet, they are written now — after
 * one stored personal value (if any) has been opened with these keys, for databases from before them.
 * Throws KeysUnavailableError, naming the key that does not fit.
 */
export async function checkKeys(
  db: Database,
  keys: InstallKeys,
  cipher: PiiCipher,
  audit: AuditKeys,
): Promise<void> {
  audit.use(keys.auditKey);
  const [row] = await db.query<CheckRow>(
    'SELECT pii_check, hmac_check, audit_keyed_from::text, audit_check, pii_unbound FROM key_check WHERE id = 1',
  );
  if (!row) throw new KeysUnavailableError('key_check is empty: run the migrations first');
  const hmacCheck = cipher.hmac(CHECK_TEXT);
  if (row.pii_check) {
    try {
      cipher.decrypt(toBuffer(row.pii_check), PII_CHECK_AAD);
    } catch (error) {
      if (!(error instanceof DataIntegrityError)) throw error;
      throw refuse('The personal-data keys (PII_KEYS) do not open it.');
    }
  } else {
    await openOneStoredValue(db, keys, cipher, row.pii_unbound);
  }
  if (row.hmac_check && !toBuffer(row.hmac_check).equals(hmacCheck))
    throw refuse('The search-hash key (PII_HMAC_KEY) is not the one it was written with.');
  const seal = audit.seal(row.audit_keyed_from, keys.auditKey);
  if (row.audit_check && !toBuffer(row.audit_check).equals(seal))
    throw refuse('The audit key (AUDIT_KEY) is not the one its audit trail was written with.');
  await db.query(
    `UPDATE key_check SET pii_check = coalesce(pii_check, $1), hmac_check = coalesce(hmac_check, $2),
       audit_check = coalesce(audit_check, $3) WHERE id = 1`,
    [cipher.encrypt(CHECK_TEXT, PII_CHECK_AAD), hmacCheck, seal],
  );
}

/** A database from before the check values: its first resident (or other encrypted value) must open. */
async function openOneStoredValue(db: Database, keys: InstallKeys, cipher: PiiCipher, unbound: boolean) {
  for (const { table, column } of ENCRYPTED_COLUMNS) {
    if (table === 'key_check') continue;
    const [found] = await db.query<{ id: number; blob: Uint8Array }>(
      `SELECT id, ${column} AS blob FROM ${table} WHERE ${column} IS NOT NULL ORDER BY id LIMIT 1`,
    );
    if (!found) continue;
    const blob = toBuffer(found.blob);
    const opens = (() => {
      try {
        cipher.decrypt(blob, { table, column, rowId: found.id });
        return true;
      } catch {
        return unbound && openUnbound(keys.pii, blob) !== null;
      }
    })();
    if (!opens) throw refuse(`The personal-data keys (PII_KEYS) do not open ${table}.${column}.`);
    return;
  }
}
