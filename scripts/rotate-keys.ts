/**
 * `npm run keys:rotate [-- --new-key]`: re-encrypts all personal data with the current key.
 *
 * With keys in the environment: put the new key first in PII_KEYS ("2:<new>,1:<old>"), run this, then
 * drop the old key from PII_KEYS. With the demo's data/keys.json: `--new-key` adds a new version, makes
 * it current, and re-encrypts. Stop the server first on PGlite (one user per data folder).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { reencryptAll } from '../server/lib/key-rotation';
import { createPiiCipher, generateKeyHex } from '../server/lib/pii';
import { loadPiiKeys } from '../server/lib/pii-keys';

async function main() {
  const config = loadConfig();
  const { keys, origin } = loadPiiKeys(config);
  if (process.argv.includes('--new-key')) {
    if (origin === 'environment')
      throw new Error('Keys come from PII_KEYS: add the new key there (first), then run without --new-key');
    const version = Math.max(...Object.keys(keys.encryptionKeys).map(Number)) + 1;
    keys.encryptionKeys[version] = Buffer.from(generateKeyHex(), 'hex');
    keys.currentVersion = version;
    const file = {
      encryptionKeys: Object.fromEntries(
        Object.entries(keys.encryptionKeys).map(([v, k]) => [v, k.toString('hex')]),
      ),
      currentVersion: version,
      hmacKey: keys.hmacKey.toString('hex'),
    };
    writeFileSync(join(config.dataDir, 'keys.json'), `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
    console.log(`new key version ${version} written to ${config.dataDir}/keys.json`);
  }
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    const started = performance.now();
    const count = await reencryptAll(db, createPiiCipher(keys), keys.currentVersion, (table, column, done) =>
      console.log(`${table}.${column}: ${done} re-encrypted`),
    );
    console.log(
      `done: ${count} values now under key version ${keys.currentVersion} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
