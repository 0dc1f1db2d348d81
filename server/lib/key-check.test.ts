import { createCipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runToEnd } from '../../tests/support/run-to-end';
import { openTestDatabase } from '../../tests/support/test-app';
import { testAuditKey, testPii, testPiiKeys } from '../../tests/support/test-keys';
import { testConfig } from '../config';
import { type Database, openDatabase } from '../db/client';
import { migrate } from '../db/migrate';
import { auditKeys } from '../modules/audit';
import { checkKeys, PII_CHECK_AAD } from './key-check';
import { bindUnboundValues } from './key-rotation';
import { createPiiCipher, type PiiKeys } from './pii';
import { type InstallKeys, KeysUnavailableError, loadInstallKeys } from './pii-keys';

const folders: string[] = [];
const folder = (name: string) => {
  const path = mkdtempSync(join(tmpdir(), `gg-keys-${name}-`));
  folders.push(path);
  return path;
};
afterAll(() => {
  for (const path of folders) rmSync(path, { recursive: true, force: true });
});

async function emptyDatabase(): Promise<Database> {
  const db = await openDatabase({ dataDir: 'memory://' });
  await migrate(db);
  return db;
}

const installId = async (db: Database) =>
  (await db.query<{ id: string }>('SELECT install_id::text AS id FROM key_check'))[0]!.id;

describe('demo keys live apart from the data', () => {
  it('creates the keys once, outside the data folder, named by the install id, owner-only', async () => {
    const db = await emptyDatabase();
    try {
      const config = testConfig({ keysDir: folder('home'), dataDir: folder('data') });
      const first = await loadInstallKeys(config, db);
      const path = join(config.keysDir, `keys-${await installId(db)}.json`);
      expect(first.source).toEqual({ origin: 'created', path });
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(path, 'utf8'))).toHaveProperty('auditKey');
      const again = await loadInstallKeys(config, db);
      expect(again.source.origin).toBe('file');
      expect(again.keys.auditKey.equals(first.keys.auditKey)).toBe(true);
      expect(again.keys.pii.encryptionKeys[1]!.equals(first.keys.pii.encryptionKeys[1]!)).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('refuses a key file inside the data folder, and moves the old data/keys.json out', async () => {
    const db = await emptyDatabase();
    try {
      const dataDir = folder('data');
      const inside = testConfig({ dataDir, keysFile: join(dataDir, 'keys.json') });
      await expect(loadInstallKeys(inside, db)).rejects.toThrow(/inside the data folder/);

      const legacy = { encryptionKeys: { 1: 'ab'.repeat(32) }, currentVersion: 1, hmacKey: 'cd'.repeat(32) };
      writeFileSync(join(dataDir, 'keys.json'), JSON.stringify(legacy));
      const config = testConfig({ dataDir, keysDir: folder('home') });
      const moved = await loadInstallKeys(config, db);
      expect(moved.source.origin).toBe('moved');
      expect(existsSync(join(dataDir, 'keys.json'))).toBe(false);
      expect(moved.keys.pii.hmacKey.toString('hex')).toBe(legacy.hmacKey);
      expect(JSON.parse(readFileSync((moved.source as { path: string }).path, 'utf8'))).toMatchObject({
        ...legacy,
        auditKey: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    } finally {
      await db.close();
    }
  });

  it('never makes fresh keys for a database that already holds encrypted data', async () => {
    const db = await openTestDatabase();
    try {
      const config = testConfig({ keysDir: folder('home'), dataDir: folder('data') });
      await expect(loadInstallKeys(config, db)).rejects.toThrow(
        /holds encrypted personal data, but its keys are not at .*keys-[0-9a-f-]{36}\.json/,
      );
    } finally {
      await db.close();
    }
  });
});

describe('the keys must open the database they start with', () => {
  let db: Database;
  const keys: InstallKeys = { pii: testPiiKeys, auditKey: testAuditKey };
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('writes check values once, then refuses other personal-data, search-hash or audit keys', async () => {
    await checkKeys(db, keys, testPii, auditKeys);
    const [row] = await db.query<{ pii_check: Uint8Array; hmac_check: Uint8Array; audit_check: Uint8Array }>(
      'SELECT pii_check, hmac_check, audit_check FROM key_check',
    );
    expect(testPii.decrypt(Buffer.from(row!.pii_check), PII_CHECK_AAD)).toBe('grid-governance key check');
    expect(row!.hmac_check).toBeTruthy();
    expect(row!.audit_check).toBeTruthy();
    await checkKeys(db, keys, testPii, auditKeys);

    const other = (change: Partial<PiiKeys>): PiiKeys => ({ ...testPiiKeys, ...change });
    const tries: [InstallKeys, RegExp][] = [
      [{ ...keys, pii: other({ encryptionKeys: { 1: randomBytes(32) } }) }, /PII_KEYS/],
      [{ ...keys, pii: other({ hmacKey: randomBytes(32) }) }, /PII_HMAC_KEY/],
      [{ ...keys, auditKey: randomBytes(32) }, /AUDIT_KEY/],
    ];
    for (const [wrong, named] of tries) {
      const attempt = checkKeys(db, wrong, createPiiCipher(wrong.pii), auditKeys);
      await expect(attempt).rejects.toThrow(KeysUnavailableError);
      await expect(checkKeys(db, wrong, createPiiCipher(wrong.pii), auditKeys)).rejects.toThrow(named);
    }
    await checkKeys(db, keys, testPii, auditKeys); // puts the tests' audit key back
  });

  it('binds values written before row binding, once, and then serves them bound', async () => {
    const rows = await db.query<{ id: number; blob: Uint8Array }>(
      'SELECT id, id_number_enc AS blob FROM residents ORDER BY id LIMIT 3',
    );
    const aad = (id: number) => ({ table: 'residents', column: 'id_number_enc', rowId: id });
    const plain = rows.map((r) => testPii.decrypt(Buffer.from(r.blob), aad(r.id)));
    // As the cipher wrote them before this change: AES-GCM with no additional data.
    for (const [k, r] of rows.entries()) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', testPiiKeys.encryptionKeys[1]!, iv);
      const body = Buffer.concat([cipher.update(plain[k]!, 'utf8'), cipher.final()]);
      const legacy = Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), body]);
      await db.query('UPDATE residents SET id_number_enc = $1 WHERE id = $2', [legacy, r.id]);
      expect(() => testPii.decrypt(legacy, aad(r.id))).toThrow();
    }
    await db.query('UPDATE key_check SET pii_unbound = true, pii_check = NULL');
    await checkKeys(db, keys, testPii, auditKeys); // the first resident opens unbound with these keys
    expect(await bindUnboundValues(db, testPiiKeys, testPii)).toBe(3);
    expect(await bindUnboundValues(db, testPiiKeys, testPii)).toBe(0);
    const after = await db.query<{ id: number; blob: Uint8Array }>(
      `SELECT id, id_number_enc AS blob FROM residents WHERE id IN (${rows.map((r) => r.id).join(',')}) ORDER BY id`,
    );
    expect(after.map((r) => testPii.decrypt(Buffer.from(r.blob), aad(r.id)))).toEqual(plain);
  });
});

describe('npm start', () => {
  it('refuses to start on a copy of the data whose keys are elsewhere, saying what to do', async () => {
    const dataDir = folder('copy');
    const db = await openDatabase({ dataDir });
    await migrate(db);
    await db.query('UPDATE key_check SET pii_check = $1', [randomBytes(40)]);
    await db.close();
    const { code, output } = await runToEnd(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      XDG_CONFIG_HOME: folder('config'),
      SEED_ON_EMPTY: 'none',
      PII_KEYS: '',
      PII_HMAC_KEY: '',
      AUDIT_KEY: '',
      KEYS_FILE: '',
      PORT: '0',
    });
    expect(output).toContain('This database holds encrypted personal data, but its keys are not at');
    expect(output).not.toMatch(/at .*\n\s+at /); // a message, not a stack trace
    expect(code).toBe(1);
  }, 120_000);
});
