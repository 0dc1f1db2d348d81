/**
 * `npm run keys:rotate [-- --new-key]`: re-encrypts all personal data with the current key.
 *
 * With keys in the environment: put the new key first in PII_KEYS ("2:<new>,1:<old>"), run this, then
 * drop the old key from PII_KEYS. With the demo's key file: `--new-key` adds a new version to it, makes it
 * current, and re-encrypts. Stop the server first on PGlite (one user per data folder).
 */
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { prepareKeys } from '../server/lib/key-check';
import { reencryptAll } from '../server/lib/key-rotation';
import { createPiiCipher, generateKeyHex } from '../server/lib/pii';
import { KeysUnavailableError, loadInstallKeys, writeKeyFile } from '../server/lib/pii-keys';
import { auditKeys } from '../server/modules/audit';

async function main() {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    // The keys as they are must open the database before anything is rewritten.
    const { keys } = await prepareKeys(config, db, console, auditKeys);
    if (process.argv.includes('--new-key')) {
      const { source } = await loadInstallKeys(config, db);
      if (source.origin === 'environment')
        throw new KeysUnavailableError(
          'Keys come from PII_KEYS: add the new key there (first), then run without --new-key',
        );
      const version = Math.max(...Object.keys(keys.pii.encryptionKeys).map(Number)) + 1;
      if (version > 255) throw new KeysUnavailableError('Key versions are used up (255)');
      keys.pii.encryptionKeys[version] = Buffer.from(generateKeyHex(), 'hex');
      keys.pii.currentVersion = version;
      writeKeyFile(source.path, keys);
      console.log(`new key version ${version} written to ${source.path}`);
    }
    const started = performance.now();
    const cipher = createPiiCipher(keys.pii);
    const count = await reencryptAll(db, cipher, keys.pii.currentVersion, (table, column, done) =>
      console.log(`${table}.${column}: ${done} re-encrypted`),
    );
    console.log(
      `done: ${count} values now under key version ${keys.pii.currentVersion} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
