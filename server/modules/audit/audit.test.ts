import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runToEnd } from '../../../tests/support/run-to-end';
import { testAuditKey, testKeyEnvironment } from '../../../tests/support/test-keys';
import { loadConfig } from '../../config';
import { type Database, type Orm, openDatabase } from '../../db/client';
import { migrate } from '../../db/migrate';
import { handleError } from '../../lib/http-errors';
import { installValidators } from '../../plugins/validation';
import { type AuditEntry, appendAudit, appendAuditNow } from './append';
import {
  type ChainContent,
  CONTENT_COLUMNS_SQL,
  canonicalJson,
  chainHash,
  contentOf,
  GENESIS_HASH,
  plainChainHash,
  type StoredAuditRow,
  setAuditKey,
} from './chain';
import { auditRoutes } from './routes';
import { parseAnchor, verifyAuditChain } from './verify';

/** With DATABASE_URL: fresh databases on that server (dropped at the end); otherwise PGlite. */
const serverUrl = loadConfig().databaseUrl;

let admin: pg.Client | undefined;
const databases: string[] = [];
const folders: string[] = [];

/** A migrated, empty database: PGlite in memory (or in `folder`), or a new database on the server. */
async function freshDatabase(folder?: string): Promise<{ db: Database; env: Record<string, string> }> {
  if (serverUrl) {
    if (!admin) {
      admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
    }
    const name = `gg_audit_${process.pid}_${Date.now()}_${databases.length}`;
    await admin.query(`CREATE DATABASE ${name}`);
    databases.push(name);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 8 });
    await migrate(db);
    return { db, env: { DATABASE_URL: url.toString() } };
  }
  const db = await openDatabase({ dataDir: folder ?? 'memory://' });
  await migrate(db);
  return { db, env: { DATABASE_URL: '', DATA_DIR: folder ?? '' } };
}

afterAll(async () => {
  if (admin) {
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** What an attacker with database access does: switch the guard off, rewrite, switch it back on. */
const asAttacker = (db: Database, statement: string) =>
  db.script(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
    ${statement};
    ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;`);

const ids = async (db: Database) =>
  (await db.query<{ id: string }>('SELECT id::text AS id FROM audit_log ORDER BY audit_log.id')).map((r) =>
    Number(r.id),
  );

const hex = (b: Uint8Array) => `'\\x${Buffer.from(b).toString('hex')}'::bytea`;

/**
 * The superuser's forgery: changes one row's details and recomputes every hash from there on with `hash`
 * (plain SHA-256, or HMAC under a key of their choosing), relinking each prev_hash, so the chain is
 * internally consistent again.
 */
async function rewriteFrom(
  db: Database,
  fromId: number,
  hash: (prev: Uint8Array, row: ChainContent) => Buffer,
) {
  const rows = await db.query<StoredAuditRow>(
    `SELECT ${CONTENT_COLUMNS_SQL}, prev_hash, hash FROM audit_log WHERE id >= ${fromId} ORDER BY audit_log.id`,
  );
  let prev: Uint8Array = rows[0]!.prev_hash;
  const statements: string[] = [];
  for (const [k, r] of rows.entries()) {
    const details = k === 0 ? { ...(JSON.parse(r.details) as object), forged: true } : JSON.parse(r.details);
    const next = hash(prev, contentOf(r, details));
    statements.push(
      `UPDATE audit_log SET details = '${JSON.stringify(details).replaceAll("'", "''")}'::jsonb,
         prev_hash = ${hex(prev)}, hash = ${hex(next)} WHERE id = ${r.id}`,
    );
    prev = next;
  }
  await asAttacker(db, statements.join(';\n'));
}

function entry(i: number): AuditEntry {
  const kinds = ['registry.create', 'registry.update', 'personal.reveal', 'login.failure', 'registry.export'];
  const anonymous = i % 7 === 0;
  return {
    actorId: anonymous ? null : 1 + (i % 5),
    actor: anonymous ? 'anonymous' : `account:${1 + (i % 5)}:user${1 + (i % 5)}`,
    action: kinds[i % kinds.length]!,
    objectType: i % 3 === 0 ? null : 'residents',
    objectId: i % 3 === 0 ? null : i % 2 ? i : `r-${i}`,
    requestId: `req-${i}`,
    details: {
      z: i,
      a: { y: [1, 2.5, { b: true, a: null }], x: '网格' },
      when: new Date(Date.UTC(2025, 0, 1, 0, 0, i)),
      skipped: undefined,
      big: 2 ** 60,
      tiny: 1e-7,
      odd: `nul\u0000 lone\uD800 pair\uD83D\uDE00`,
    },
  };
}

describe('audit chain', () => {
  let db: Database;
  let rows = 0;

  beforeAll(async () => {
    ({ db } = await freshDatabase());
  });
  afterAll(() => db?.close());

  it('serialises canonically: keys sorted at every depth, fixed field order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[3,{"e":2,"f":1}]},"b":1}',
    );
    const row = {
      id: 1,
      at: '2025-01-01T00:00:00.000Z',
      actorId: null,
      actor: 'system',
      action: 'x',
      objectType: null,
      objectId: null,
      requestId: null,
      details: { b: 1, a: 2 },
    };
    expect(
      chainHash(GENESIS_HASH, row).equals(chainHash(GENESIS_HASH, { ...row, details: { a: 2, b: 1 } })),
    ).toBe(true);
    expect(chainHash(GENESIS_HASH, row).equals(chainHash(GENESIS_HASH, { ...row, id: 2 }))).toBe(false);
  });

  it('appends sequentially and concurrently into one chain that verifies', async () => {
    for (let i = 0; i < 150; i++) await appendAuditNow(db, entry(i));
    // Separate transactions at once: the advisory lock makes them take turns (PGlite queues them anyway).
    await Promise.all(
      Array.from({ length: 150 }, (_, k) =>
        db.orm.transaction(async (tx) => {
          await tx.execute('SELECT 1');
          await appendAudit(tx as unknown as Orm, entry(150 + k));
        }),
      ),
    );
    rows = 300;
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: true, rows: 300 });

    const all = await db.query<{ id: string; at: Date; prev: string; hash: string; details: unknown }>(
      `SELECT id::text AS id, at, encode(prev_hash, 'hex') AS prev, encode(hash, 'hex') AS hash, details
         FROM audit_log ORDER BY audit_log.id`,
    );
    expect(all[0]!.prev).toBe('0'.repeat(64));
    for (let k = 1; k < all.length; k++) {
      expect(all[k]!.prev).toBe(all[k - 1]!.hash);
      // Chain order is id order, and the clock read under the lock follows it.
      expect(new Date(all[k]!.at).getTime()).toBeGreaterThanOrEqual(new Date(all[k - 1]!.at).getTime());
    }
    if (result.ok) expect(result.lastHash).toBe(all.at(-1)!.hash);
    expect(all[1]!.details).toMatchObject({
      a: { x: '网格' },
      when: '2025-01-01T00:00:01.000Z',
      odd: 'nul\uFFFD lone\uFFFD pair\uD83D\uDE00',
    });
  });

  it('rolls an audit row back with its transaction, leaving a harmless gap in the ids', async () => {
    const before = await ids(db);
    await expect(
      db.orm.transaction(async (tx) => {
        await appendAudit(tx as unknown as Orm, entry(999));
        throw new Error('the audited action failed');
      }),
    ).rejects.toThrow('the audited action failed');
    expect(await ids(db)).toEqual(before);
    await appendAuditNow(db, { actorId: null, actor: 'system', action: 'after.rollback' });
    rows += 1;
    const after = await ids(db);
    expect(after.at(-1)! - before.at(-1)!).toBe(2);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows });
  });

  it('refuses UPDATE, DELETE and TRUNCATE while its trigger is on', async () => {
    await expect(db.query(`UPDATE audit_log SET details = '{}' WHERE id = 5`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log WHERE id = 5')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows });
  });

  it('serves the trail over HTTP: filters, keyset paging newest first, verification', async () => {
    const app = Fastify({ logger: false }).withTypeProvider<TypeBoxTypeProvider>();
    app.setErrorHandler(handleError);
    installValidators(app);
    await app.register(auditRoutes, { db, prefix: '/api/v1' });
    const get = async (url: string) => {
      const res = await app.inject({ method: 'GET', url: `/api/v1${url}` });
      return { status: res.statusCode, body: res.json() };
    };
    try {
      const first = await get('/audit?limit=100');
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(100);
      expect(first.body.items[0].action).toBe('after.rollback');
      expect(first.body.items[0].hash).toMatch(/^[0-9a-f]{64}$/);
      expect(first.body.items[1].hash).toBe(first.body.items[0].prevHash);
      const seen: number[] = first.body.items.map((i: { id: number }) => i.id);
      let cursor = first.body.nextCursor as string | null;
      while (cursor) {
        const page = await get(`/audit?limit=100&cursor=${cursor}`);
        seen.push(...page.body.items.map((i: { id: number }) => i.id));
        cursor = page.body.nextCursor;
      }
      expect(seen).toEqual((await ids(db)).reverse());

      const byActor = await get('/audit?actorId=2&action=registry.update&limit=500');
      expect(byActor.body.items.length).toBeGreaterThan(0);
      for (const i of byActor.body.items) expect([i.actorId, i.action]).toEqual([2, 'registry.update']);
      const byObject = await get('/audit?objectType=residents&objectId=r-4');
      expect(byObject.body.items.map((i: { requestId: string }) => i.requestId)).toEqual(['req-4']);
      expect((await get('/audit?actor=anonymous&limit=500')).body.items.length).toBe(
        Array.from({ length: 300 }, (_, i) => i).filter((i) => i % 7 === 0).length,
      );
      const at = first.body.items[10].at as string;
      const window = await get(
        `/audit?from=${at}&to=${encodeURIComponent(first.body.items[0].at)}&limit=500`,
      );
      for (const i of window.body.items) expect(i.at >= at && i.at < first.body.items[0].at).toBe(true);
      expect(window.body.items.map((i: { id: number }) => i.id)).toContain(first.body.items[10].id);
      expect((await get('/audit?from=2099-01-01T00:00:00Z')).body.items).toEqual([]);

      expect((await get('/audit?sort=id')).status).toBe(400);
      expect((await get('/audit?from=yesterday')).status).toBe(400);
      expect((await get('/audit?cursor=abc')).status).toBe(400);
      expect((await get('/audit?limit=0')).status).toBe(400);

      const verified = (await get('/audit/verify')).body;
      expect(verified).toMatchObject({ ok: true, rows });
      const anchor = `${verified.lastId}:${verified.lastHash}`;
      expect((await get(`/audit/verify?anchor=${anchor}`)).body).toMatchObject({ ok: true, rows });
      expect((await get(`/audit/verify?anchor=${verified.lastId}:${'0'.repeat(64)}`)).body).toMatchObject({
        ok: false,
        brokenAt: verified.lastId,
        reason: 'the anchored row now has another hash (rewritten)',
      });
      expect(
        (await get(`/audit/verify?anchor=${verified.lastId + 1}:${verified.lastHash}`)).body,
      ).toMatchObject({
        ok: false,
        reason: 'the trail ends before the anchored row (newest rows removed)',
      });
      expect((await get('/audit/verify?anchor=12:abc')).status).toBe(400);
    } finally {
      await app.close();
    }
  });

  it('names the changed row, the row after a removed one, and the row after a re-hashed one', async () => {
    const list = await ids(db);
    const changed = list[120]!;
    const [original] = await db.query<{ details: string }>(
      `SELECT details::text AS details FROM audit_log WHERE id = ${changed}`,
    );
    await asAttacker(db, `UPDATE audit_log SET details = details || '{"z": -1}' WHERE id = ${changed}`);
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      rows: 121,
      brokenAt: changed,
      reason: 'hash mismatch (row content changed)',
    });

    const literal = original!.details.replaceAll("'", "''");
    await asAttacker(db, `UPDATE audit_log SET details = '${literal}'::jsonb WHERE id = ${changed}`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows });

    const removed = list[200]!;
    await asAttacker(db, `DELETE FROM audit_log WHERE id = ${removed}`);
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      rows: 201,
      brokenAt: list[201],
      reason: 'prev_hash does not match the previous row (row removed or inserted)',
    });

    // Rewriting a row together with a recomputed hash of its own moves the break to the next row's link.
    const [r] = await db.query<StoredAuditRow>(
      `SELECT ${CONTENT_COLUMNS_SQL}, prev_hash, hash FROM audit_log WHERE id = ${list[50]}`,
    );
    const forged = { ...(JSON.parse(r!.details) as object), z: 'forged' };
    const hash = chainHash(r!.prev_hash, contentOf(r!, forged));
    await asAttacker(
      db,
      `UPDATE audit_log SET details = '${JSON.stringify(forged).replaceAll("'", "''")}'::jsonb,
         hash = '\\x${hash.toString('hex')}'::bytea WHERE id = ${list[50]}`,
    );
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      rows: 52,
      brokenAt: list[51],
      reason: 'prev_hash does not match the previous row (row removed or inserted)',
    });
    // The guard is back on after each attack.
    await expect(db.query(`DELETE FROM audit_log WHERE id = ${list[0]}`)).rejects.toThrow(/append-only/);
  });
});

describe('keyed audit chain and anchors', () => {
  let db: Database;
  let list: number[];

  beforeAll(async () => {
    ({ db } = await freshDatabase());
    for (let i = 0; i < 40; i++) await appendAuditNow(db, entry(i));
    list = await ids(db);
  });
  afterAll(() => db?.close());

  it('detects a rewrite whose hashes were recomputed without the key (plain SHA-256 or another key)', async () => {
    const [sealed] = await db.query<{ sealed: boolean }>(
      'SELECT audit_check IS NOT NULL AS sealed FROM key_check',
    );
    expect(sealed!.sealed).toBe(true);
    const snapshot = await db.query<{ id: string; details: string; prev: string; hash: string }>(
      `SELECT id::text, details::text, encode(prev_hash, 'hex') AS prev, encode(hash, 'hex') AS hash
         FROM audit_log ORDER BY audit_log.id`,
    );
    const restore = () =>
      asAttacker(
        db,
        snapshot
          .map(
            (r) =>
              `UPDATE audit_log SET details = '${r.details.replaceAll("'", "''")}'::jsonb,
                 prev_hash = '\\x${r.prev}'::bytea, hash = '\\x${r.hash}'::bytea WHERE id = ${r.id}`,
          )
          .join(';\n'),
      );
    for (const forge of [
      (prev: Uint8Array, row: ChainContent) =>
        createHash('sha256').update(prev).update(JSON.stringify(row)).digest(),
      (prev: Uint8Array, row: ChainContent) => plainChainHash(prev, row),
      (prev: Uint8Array, row: ChainContent) => chainHash(prev, row, randomBytes(32)),
    ]) {
      await rewriteFrom(db, list[25]!, forge);
      expect(await verifyAuditChain(db)).toEqual({
        ok: false,
        rows: 26,
        brokenAt: list[25],
        reason: 'hash mismatch (row content changed)',
      });
      await restore();
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 40 });
    }
  });

  it('detects moving the keyed boundary to pass keyed rows off as plain ones', async () => {
    await db.query(`UPDATE key_check SET audit_keyed_from = ${list.at(-1)! + 1}`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: list.at(-1)! + 1 });
    await db.query(`UPDATE key_check SET audit_keyed_from = 1`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 40 });
  });

  it('detects a wrong audit key, naming the key rather than a row', async () => {
    setAuditKey(randomBytes(32));
    try {
      const result = await verifyAuditChain(db);
      expect(result).toMatchObject({ ok: false, rows: 0 });
      expect(result.ok || result.reason).toMatch(/wrong AUDIT_KEY/);
    } finally {
      setAuditKey(testAuditKey);
    }
  });

  it('checks an anchor: the anchored row keeps its hash and is still reached (no truncation)', async () => {
    const intact = await verifyAuditChain(db);
    if (!intact.ok) throw new Error(intact.reason);
    const anchor = parseAnchor(`${intact.lastId}:${intact.lastHash}`)!;
    expect(anchor).toEqual({ id: list.at(-1), hash: intact.lastHash });
    expect(await verifyAuditChain(db, { anchor })).toMatchObject({ ok: true, rows: 40 });
    const middle = { id: list[30]!, hash: (await hashOf(db, list[30]!))! };
    expect(await verifyAuditChain(db, { anchor: middle })).toMatchObject({ ok: true, rows: 40 });

    expect(await verifyAuditChain(db, { anchor: { ...middle, hash: 'ab'.repeat(32) } })).toMatchObject({
      ok: false,
      brokenAt: middle.id,
      reason: 'the anchored row now has another hash (rewritten)',
    });
    // Removing the newest rows leaves a chain that verifies on its own; the anchor notices.
    await asAttacker(db, `DELETE FROM audit_log WHERE id >= ${list[35]}`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 35 });
    expect(await verifyAuditChain(db, { anchor })).toEqual({
      ok: false,
      rows: 35,
      brokenAt: anchor.id,
      reason: 'the trail ends before the anchored row (newest rows removed)',
    });
    expect(parseAnchor('12:xyz')).toBeNull();
  });

  it('keeps verifying rows from before the audit key (plain SHA-256), sealed by the first keyed row', async () => {
    const { db: old } = await freshDatabase();
    try {
      // A trail from before migration 0008: plain rows, then the migration's boundary after them.
      let prev: Uint8Array = GENESIS_HASH;
      for (let i = 1; i <= 3; i++) {
        const content: ChainContent = {
          id: String(i),
          at: `2025-01-0${i}T00:00:00.000Z`,
          actorId: null,
          actor: 'system',
          action: 'legacy',
          objectType: null,
          objectId: null,
          requestId: null,
          details: { i },
        };
        const hash = plainChainHash(prev, content);
        await old.query(
          `INSERT INTO audit_log (id, at, actor, action, details, prev_hash, hash)
           VALUES (${i}, '${content.at}', 'system', 'legacy', '{"i": ${i}}', ${hex(prev)}, ${hex(hash)})`,
        );
        prev = hash;
      }
      await old.query(`SELECT setval('audit_log_id_seq', 3)`);
      await old.query('UPDATE key_check SET audit_keyed_from = 4');
      for (let i = 0; i < 3; i++) await appendAuditNow(old, entry(i));
      expect(await verifyAuditChain(old)).toMatchObject({ ok: true, rows: 6 });
      // Rewriting the plain part consistently still breaks the first keyed row, whose HMAC covers its link.
      await rewriteFrom(old, 2, plainChainHash);
      const result = await verifyAuditChain(old);
      expect(result).toMatchObject({ ok: false, brokenAt: 4 });
    } finally {
      await old.close();
    }
  });
});

const hashOf = async (db: Database, id: number) =>
  (await db.query<{ h: string }>(`SELECT encode(hash, 'hex') AS h FROM audit_log WHERE id = ${id}`))[0]?.h;

/** `npx tsx scripts/audit-verify.ts` with the given environment: its exit code and its output. */
function runCli(
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number | null; output: string }> {
  return runToEnd('npx', ['tsx', 'scripts/audit-verify.ts', ...args], {
    ...process.env,
    ...testKeyEnvironment,
    ...env,
  });
}

describe('npm run audit:verify', () => {
  it('exits 0 and prints an anchor on an intact chain; 1 after truncation past the anchor or tampering', async () => {
    const folder = serverUrl ? undefined : await mkdtemp(join(tmpdir(), 'gg-audit-'));
    if (folder) folders.push(folder);
    const fresh = await freshDatabase(folder);
    for (let i = 0; i < 20; i++) await appendAuditNow(fresh.db, entry(i));
    const list = await ids(fresh.db);
    const newest = `${list.at(-1)}:${await hashOf(fresh.db, list.at(-1)!)}`;
    // A PGlite folder has one user at a time: close it while the CLI runs.
    if (folder) await fresh.db.close();
    const attack = async (statement: string) => {
      const db = folder ? (await freshDatabase(folder)).db : fresh.db;
      await asAttacker(db, statement);
      if (folder) await db.close();
    };

    const intact = await runCli(fresh.env);
    expect(intact.output).toContain('audit chain intact: 20 rows');
    expect(intact.output).toContain(`anchor (keep it outside the database): ${newest}`);
    expect(intact.code).toBe(0);

    await attack(`DELETE FROM audit_log WHERE id = ${list.at(-1)}`);
    const truncated = await runCli(fresh.env, ['--anchor', newest]);
    expect(truncated.output).toContain(
      `audit chain BROKEN at row ${list.at(-1)}: the trail ends before the anchored row (newest rows removed)`,
    );
    expect(truncated.code).toBe(1);

    await attack(`UPDATE audit_log SET actor = 'system' WHERE id = ${list[6]}`);
    const broken = await runCli(fresh.env);
    expect(broken.output).toContain(
      `audit chain BROKEN at row ${list[6]}: hash mismatch (row content changed)`,
    );
    expect(broken.code).toBe(1);
    if (!folder) await fresh.db.close();
    // Each start of PGlite (here six) takes a few seconds, more on a busy machine.
  }, 180_000);
});
