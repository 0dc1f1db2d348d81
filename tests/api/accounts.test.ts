import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { testConfig } from '../../server/config';
import type { Database } from '../../server/db/client';
import { DEMO_PASSWORD, hashPassword } from '../../server/modules/auth';
import { ownTestDatabase, startTestApp } from '../support/test-app';
import { testPii } from '../support/test-keys';

const API = '/api/v1';

// Accounts made here would be picked by other files that take "the first grid worker": on PostgreSQL, where the
// files share one database, this file works in a database of its own.
let own: Awaited<ReturnType<typeof ownTestDatabase>>;
beforeAll(async () => {
  own = await ownTestDatabase();
});
afterAll(async () => {
  await own?.drop();
});
// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely, as a client would
type Json = Record<string, any>;

describe('account administration', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let admin: string;
  let streetAdmin: string;
  let grids: { id: number; code: string; street_id: number }[];
  let otherStreetGrid: { id: number; code: string };
  let streetCode: string;

  const call = async (token: string, method: string, url: string, payload?: unknown) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url: `${API}${url}`,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as Json }),
    });
    let body: Json = {};
    try {
      body = res.body ? res.json() : {};
    } catch {
      body = { raw: res.rawPayload };
    }
    return { status: res.statusCode, body, raw: res.rawPayload, headers: res.headers };
  };
  const login = (username: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: `${API}/auth/login`,
      payload: { username, password, tokenType: 'bearer' },
    });
  const audits = async (action: string, objectId?: number) =>
    await t.db.query<{ actor: string; object_id: string | null; details: Json }>(
      `SELECT actor, object_id, details FROM audit_log WHERE action = $1 ${objectId ? 'AND object_id = $2' : ''} ORDER BY id`,
      objectId ? [action, String(objectId)] : [action],
    );
  /** Accounts of this file's names (on PostgreSQL other test files add accounts of their own meanwhile). */
  const accountCount = async (like = 'imp.%') =>
    (
      await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts WHERE username LIKE $1', [
        like,
      ])
    )[0]!.n;
  const sheet = async (rows: string[][], headers = ['用户名', '姓名', '角色', '区域编码', '部门']) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('账号');
    ws.addRow(headers);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  };
  /** Signs a new account in with its temporary password (enrolling two-factor on the way where its role needs it). */
  const firstSignIn = (username: string, password: string) => t.tokenFor(username, password);

  beforeAll(async () => {
    t = await startTestApp({}, await own.open());
    const [district] = await t.db.query<{ id: number }>("SELECT id FROM areas WHERE level = 'district'");
    grids = await t.db.query(
      "SELECT id, trim(code) AS code, street_id FROM areas WHERE level = 'grid' ORDER BY code",
    );
    const street = grids[0]!.street_id;
    streetCode = (
      await t.db.query<{ code: string }>('SELECT trim(code) AS code FROM areas WHERE id = $1', [street])
    )[0]!.code;
    otherStreetGrid = grids.find((g) => g.street_id !== street)!;
    const hash = await hashPassword(DEMO_PASSWORD);
    // A district administrator, and an administrator bound to one street (a role the product may give later).
    await t.db.query(
      `INSERT INTO accounts (username, display_name, password_hash, role, area_ids) VALUES
         ('acct.admin', '账号测试管理员', $1, 'admin', $2), ('acct.street', '街道管理员', $1, 'admin', $3)
       ON CONFLICT (username) DO NOTHING`,
      [hash, [district!.id], [street]],
    );
    admin = await t.tokenFor('acct.admin');
    streetAdmin = await t.tokenFor('acct.street');
  });
  afterAll(async () => {
    if (!t) return;
    await t.db.query(
      `UPDATE accounts SET disabled_at = now() WHERE username LIKE 'acct.%' OR username LIKE 'imp.%'`,
    );
    await t.close();
    if (t.db.engine === 'postgres') await t.db.close(); // its own handle; PGlite's one copy serves the next block
  });

  it('creates a grid worker who must enrol two-factor sign-in and change the temporary password before anything else', async () => {
    const grid = grids[0]!;
    const created = await call(admin, 'POST', '/accounts', {
      username: 'acct.worker1',
      displayName: '新网格员',
      role: 'grid_worker',
      areaCode: grid.code,
    });
    expect(created.status).toBe(201);
    const { account, temporaryPassword } = created.body;
    expect(account).toMatchObject({
      username: 'acct.worker1',
      role: 'grid_worker',
      passwordMustChange: true,
      totpEnrolled: false,
      lastLoginAt: null,
    });
    expect(account.areas[0].code).toBe(grid.code);
    expect(temporaryPassword).toMatch(/^.{14}$/);
    expect((await audits('account.create', account.id))[0]!.actor).toContain('acct.admin');

    const worker = await firstSignIn('acct.worker1', temporaryPassword);
    const me = await call(worker, 'GET', '/auth/me');
    expect(me.body).toMatchObject({ passwordChangeRequired: true, totpEnrollmentRequired: false });
    const blocked = await call(worker, 'GET', `/registry/addresses?limit=5`);
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('password_change_required');
    const weak = await call(worker, 'POST', '/auth/password', {
      currentPassword: temporaryPassword,
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.field).toBe('newPassword');
    const changed = await call(worker, 'POST', '/auth/password', {
      currentPassword: temporaryPassword,
      newPassword: 'Grid-Worker-2026!',
    });
    expect(changed.status).toBe(204);
    expect((await call(worker, 'GET', '/registry/addresses?limit=5')).status).toBe(200);
    expect((await audits('password.change')).at(-1)!.details).toEqual({ forced: true });
    const shown = await call(admin, 'GET', `/accounts/${account.id}`);
    expect(shown.body).toMatchObject({ passwordMustChange: false, totpEnrolled: true });
    expect(shown.body.lastLoginAt).not.toBeNull();
  });

  it('refuses a create with a field-named reason: taken username, area of the wrong level, missing department', async () => {
    const taken = await call(admin, 'POST', '/accounts', {
      username: 'acct.worker1',
      displayName: 'x',
      role: 'grid_worker',
      areaCode: grids[0]!.code,
    });
    expect([taken.status, taken.body.code, taken.body.field]).toEqual([409, 'username_taken', 'username']);
    const level = await call(admin, 'POST', '/accounts', {
      username: 'acct.bad1',
      displayName: 'x',
      role: 'grid_worker',
      areaCode: streetCode,
    });
    expect([level.status, level.body.field]).toEqual([400, 'areaCode']);
    const dept = await call(admin, 'POST', '/accounts', {
      username: 'acct.bad2',
      displayName: 'x',
      role: 'department_staff',
    });
    expect([dept.status, dept.body.field]).toEqual([400, 'departmentId']);
    const chinese = await t.app.inject({
      method: 'POST',
      url: `${API}/accounts`,
      headers: { authorization: `Bearer ${admin}`, 'accept-language': 'zh-CN' },
      payload: { username: 'acct.bad3', displayName: 'x', role: 'grid_worker' },
    });
    expect(chinese.json().message).toContain('网格');
  });

  it('lists with search, filters and signed keyset pages; forged or foreign cursors are refused', async () => {
    const all = await call(admin, 'GET', '/accounts?limit=200&role=district_leader');
    expect(all.status).toBe(200);
    const [leaders] = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM accounts WHERE role = 'district_leader'",
    );
    expect(all.body.total).toBe(leaders!.n);
    expect(all.body.items.length).toBe(Math.min(200, leaders!.n));
    const byName = await call(admin, 'GET', `/accounts?q=${encodeURIComponent('新网格')}`);
    expect(byName.body.items.map((a: Json) => a.username)).toEqual(['acct.worker1']);
    const byPart = await call(admin, 'GET', '/accounts?q=orker1');
    expect(byPart.body.items.map((a: Json) => a.username)).toContain('acct.worker1');
    const workers = await call(admin, 'GET', `/accounts?role=grid_worker&area=${streetCode}&limit=3`);
    expect(workers.body.items.length).toBe(3);
    expect(
      workers.body.items.every(
        (a: Json) => a.role === 'grid_worker' && a.areas[0].code.startsWith(streetCode.slice(0, 9)),
      ),
    ).toBe(true);
    const seen = [...workers.body.items];
    let cursor = workers.body.nextCursor;
    while (cursor) {
      const next = await call(
        admin,
        'GET',
        `/accounts?role=grid_worker&area=${streetCode}&limit=3&cursor=${cursor}`,
      );
      expect(next.status).toBe(200);
      seen.push(...next.body.items);
      cursor = next.body.nextCursor;
    }
    expect(seen.length).toBe(workers.body.total);
    expect(new Set(seen.map((a) => a.id)).size).toBe(seen.length);
    const usernames = seen.map((a) => a.username);
    expect(usernames).toEqual([...usernames].sort());
    // A cursor of one list does not open another; an altered one does not open at all.
    const foreign = await call(admin, 'GET', `/accounts?role=street_staff&cursor=${workers.body.nextCursor}`);
    expect([foreign.status, foreign.body.code]).toEqual([400, 'invalid_cursor']);
    const forged = `${Buffer.from('a').toString('base64url')}.${workers.body.nextCursor.split('.')[1]}`;
    expect(
      (await call(admin, 'GET', `/accounts?role=grid_worker&area=${streetCode}&cursor=${forged}`)).status,
    ).toBe(400);
    expect((await call(admin, 'GET', '/accounts?cursor=%27%3B--')).status).toBe(400);
    expect((await audits('account.list')).length).toBeGreaterThan(3);
  });

  it('moves a grid worker to another grid and changes the role, audited; a role change ends its sessions', async () => {
    const [row] = await t.db.query<{ id: number }>("SELECT id FROM accounts WHERE username = 'acct.worker1'");
    const worker = await t.tokenFor('acct.worker1', 'Grid-Worker-2026!');
    const target = grids[1]!;
    const moved = await call(admin, 'PATCH', `/accounts/${row!.id}`, {
      areaCode: target.code,
      displayName: '调岗网格员',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.areas.map((a: Json) => a.code)).toEqual([target.code]);
    // The open session sees the new grid at once (the cached session was dropped).
    expect((await call(worker, 'GET', '/auth/me')).body.areas[0].code).toBe(target.code);
    const change = (await audits('account.update', row!.id)).at(-1)!.details;
    expect(change.changes.areaIds.to).toEqual([target.id]);
    expect(change.changes.displayName).toEqual({ from: '新网格员', to: '调岗网格员' });
    const wrong = await call(admin, 'PATCH', `/accounts/${row!.id}`, { role: 'community_staff' });
    expect([wrong.status, wrong.body.field]).toEqual([400, 'areaCode']);
    const community = (
      await t.db.query<{ code: string }>(
        'SELECT trim(code) AS code FROM areas WHERE id = (SELECT parent_id FROM areas WHERE id = $1)',
        [target.id],
      )
    )[0]!.code;
    const promoted = await call(admin, 'PATCH', `/accounts/${row!.id}`, {
      role: 'community_staff',
      areaCode: community,
    });
    expect(promoted.body.role).toBe('community_staff');
    expect((await call(worker, 'GET', '/auth/me')).status).toBe(401);
    await call(admin, 'PATCH', `/accounts/${row!.id}`, { role: 'grid_worker', areaCode: target.code });
  });

  it('disabling ends every session at once and refuses sign-in; enabling lets it back', async () => {
    const [row] = await t.db.query<{ id: number }>("SELECT id FROM accounts WHERE username = 'acct.worker1'");
    const first = await t.tokenFor('acct.worker1', 'Grid-Worker-2026!');
    const second = await t.tokenFor('acct.worker1', 'Grid-Worker-2026!');
    expect((await call(first, 'GET', '/auth/me')).status).toBe(200);
    expect((await call(second, 'GET', '/auth/me')).status).toBe(200); // both cached now
    const disabled = await call(admin, 'POST', `/accounts/${row!.id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabledAt).not.toBeNull();
    expect((await call(first, 'GET', '/auth/me')).status).toBe(401);
    expect((await call(second, 'GET', '/auth/me')).status).toBe(401);
    expect((await login('acct.worker1', 'Grid-Worker-2026!')).statusCode).toBe(401);
    expect((await call(admin, 'GET', '/accounts?disabled=true&q=acct.worker1')).body.total).toBe(1);
    expect((await call(admin, 'POST', `/accounts/${row!.id}/enable`)).body.disabledAt).toBeNull();
    expect(
      (await call(await t.tokenFor('acct.worker1', 'Grid-Worker-2026!'), 'GET', '/auth/me')).status,
    ).toBe(200);
    expect((await audits('account.disable', row!.id)).length).toBe(1);
    expect((await audits('account.enable', row!.id)).length).toBe(1);
  });

  it('resets a password (shown once, to be changed; sessions end) and a lost authenticator', async () => {
    const [row] = await t.db.query<{ id: number }>("SELECT id FROM accounts WHERE username = 'acct.worker1'");
    const session = await t.tokenFor('acct.worker1', 'Grid-Worker-2026!');
    const reset = await call(admin, 'POST', `/accounts/${row!.id}/reset-password`);
    expect(reset.status).toBe(200);
    expect((await call(session, 'GET', '/auth/me')).status).toBe(401);
    await expect(t.tokenFor('acct.worker1', 'Grid-Worker-2026!')).rejects.toThrow(/401/);
    const again = await t.tokenFor('acct.worker1', reset.body.temporaryPassword);
    expect((await call(again, 'GET', '/auth/me')).body.passwordChangeRequired).toBe(true);
    expect((await call(again, 'GET', '/accounts')).status).toBe(403);
    expect(
      (
        await call(again, 'POST', '/auth/password', {
          currentPassword: reset.body.temporaryPassword,
          newPassword: 'Grid-Worker-2027!',
        })
      ).status,
    ).toBe(204);
    const two = await call(admin, 'POST', `/accounts/${row!.id}/reset-two-factor`);
    expect(two.body.totpEnrolled).toBe(false);
    const fresh = await login('acct.worker1', 'Grid-Worker-2027!');
    expect(fresh.json().totpEnrollmentRequired).toBe(true);
    expect((await audits('account.password_reset', row!.id)).length).toBe(1);
    expect((await audits('account.totp_reset', row!.id)).length).toBe(1);
  });

  it('keeps a street administrator to its street: other accounts answer 404, other areas are refused', async () => {
    const list = await call(streetAdmin, 'GET', '/accounts?limit=200');
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThan(0);
    const [street] = await t.db.query<{ id: number }>('SELECT id FROM areas WHERE trim(code) = $1', [
      streetCode,
    ]);
    const descendants = await t.db.query<{ id: number }>(
      'SELECT id FROM areas WHERE street_id = $1 OR id = $1',
      [street!.id],
    );
    const inside = new Set(descendants.map((d) => d.id));
    expect(
      list.body.items.every((a: Json) => a.areas.length > 0 && a.areas.every((x: Json) => inside.has(x.id))),
    ).toBe(true);
    const [outsider] = await t.db.query<{ id: number }>(
      "SELECT id FROM accounts WHERE role = 'grid_worker' AND area_ids[1] = $1 LIMIT 1",
      [otherStreetGrid.id],
    );
    const [department] = await t.db.query<{ id: number }>(
      "SELECT id FROM accounts WHERE role = 'department_staff' LIMIT 1",
    );
    for (const id of [outsider!.id, department!.id, 2147483647]) {
      expect((await call(streetAdmin, 'GET', `/accounts/${id}`)).status).toBe(404);
      expect((await call(streetAdmin, 'PATCH', `/accounts/${id}`, { displayName: 'x' })).status).toBe(404);
      expect((await call(streetAdmin, 'POST', `/accounts/${id}/disable`)).status).toBe(404);
      expect((await call(streetAdmin, 'POST', `/accounts/${id}/reset-password`)).status).toBe(404);
    }
    const away = await call(streetAdmin, 'POST', '/accounts', {
      username: 'acct.away',
      displayName: 'x',
      role: 'grid_worker',
      areaCode: otherStreetGrid.code,
    });
    expect([away.status, away.body.field]).toEqual([400, 'areaCode']);
    const [dept] = await t.db.query<{ id: number }>('SELECT id FROM departments LIMIT 1');
    const staff = await call(streetAdmin, 'POST', '/accounts', {
      username: 'acct.dept',
      displayName: 'x',
      role: 'department_staff',
      departmentId: dept!.id,
    });
    expect([staff.status, staff.body.field]).toEqual([400, 'role']);
    const moveOut = await call(
      streetAdmin,
      'PATCH',
      `/accounts/${list.body.items.find((a: Json) => a.role === 'grid_worker').id}`,
      { areaCode: otherStreetGrid.code },
    );
    expect([moveOut.status, moveOut.body.field]).toEqual([400, 'areaCode']);
    const exported = await call(streetAdmin, 'GET', '/accounts/export');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.raw as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0]!.actualRowCount - 1).toBe(list.body.total);
  });

  it('refuses odd input with 4xx: NUL bytes, huge ids, unknown fields, its own account; other roles 403', async () => {
    expect((await call(admin, 'GET', '/accounts?q=a%00b')).status).toBe(400);
    expect((await call(admin, 'GET', '/accounts/99999999999')).status).toBe(400);
    expect((await call(admin, 'GET', '/accounts/0')).status).toBe(400);
    expect((await call(admin, 'GET', '/accounts?limit=100000')).status).toBe(400);
    expect((await call(admin, 'PATCH', '/accounts/1', {})).status).toBe(400);
    expect(
      (
        await call(admin, 'POST', '/accounts', {
          username: 'acct.x\u0000',
          displayName: 'x',
          role: 'auditor',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(admin, 'POST', '/accounts', {
          username: 'acct.x',
          displayName: 'x',
          role: 'auditor',
          isAdmin: true,
        })
      ).status,
    ).toBe(400);
    expect(
      (await call(admin, 'POST', '/accounts', { username: 'acct.x', displayName: 'x', role: 'superuser' }))
        .status,
    ).toBe(400);
    const [self] = await t.db.query<{ id: number }>("SELECT id FROM accounts WHERE username = 'acct.admin'");
    expect((await call(admin, 'POST', `/accounts/${self!.id}/disable`)).body.code).toBe('own_account');
    expect((await call(admin, 'PATCH', `/accounts/${self!.id}`, { role: 'auditor' })).body.code).toBe(
      'own_account',
    );
    const centre = await t.tokenFor('centre001');
    expect((await call(centre, 'GET', '/accounts')).status).toBe(403);
    expect((await call(centre, 'GET', '/accounts/export')).status).toBe(403);
  });

  it('imports from XLSX: the dry run reports every bad row and writes nothing; a file with bad rows creates none; a good one all', async () => {
    const template = await call(admin, 'GET', '/accounts/import-template');
    expect(template.status).toBe(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.raw as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      '用户名',
      '姓名',
      '角色',
      '区域编码',
      '部门',
    ]);
    const [dept] = await t.db.query<{ name: string }>(
      'SELECT name FROM departments WHERE archived_at IS NULL LIMIT 1',
    );
    const good = [
      ['imp.grid1', '导入网格员一', '网格员', grids[2]!.code, ''],
      ['imp.dept1', '导入部门人员', '职能部门', '', dept!.name],
      ['imp.street1', '导入街道人员', 'street_staff', streetCode, ''],
    ];
    const bad = [
      ['imp.grid1', '重复', '网格员', grids[2]!.code, ''],
      ['Bad Name', '', '网格员', grids[2]!.code, ''],
      ['imp.bad2', '错级别', '网格员', streetCode, ''],
      ['imp.bad3', '错角色', '超级用户', '', ''],
      ['centre001', '已存在', '区领导', '440112000000000', ''],
      ['imp.bad4', '错部门', '职能部门', '', '不存在的局'],
    ];
    const before = await accountCount();
    const dry = await call(admin, 'POST', '/accounts/import', {
      file: await sheet([...good, ...bad]),
      dryRun: true,
    });
    expect(dry.status).toBe(200);
    expect([dry.body.valid, dry.body.invalid]).toEqual([3, 6]);
    const problems = Object.fromEntries(
      dry.body.rows.map((r: Json) => [r.row, r.problems.map((p: Json) => p.field)]),
    );
    expect(problems[5]).toEqual(['用户名']); // repeats row 2
    expect(problems[6]).toEqual(['用户名', '姓名']);
    expect(problems[7]).toEqual(['区域编码']);
    expect(problems[8]).toEqual(['角色']);
    expect(problems[9]).toEqual(['用户名']);
    expect(problems[10]).toEqual(['部门']);
    expect(await accountCount()).toBe(before);
    const refused = await call(admin, 'POST', '/accounts/import', {
      file: await sheet([...good, ...bad]),
      dryRun: false,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('import_has_problems');
    expect(refused.body.message).toContain('6');
    expect(refused.body.created).toEqual([]);
    expect(await accountCount()).toBe(before);
    const done = await call(admin, 'POST', '/accounts/import', { file: await sheet(good), dryRun: false });
    expect(done.status).toBe(200);
    expect(done.body.created.map((c: Json) => c.username)).toEqual(['imp.grid1', 'imp.dept1', 'imp.street1']);
    expect(await accountCount()).toBe(before + 3);
    expect((await audits('account.import')).at(-1)!.details.rows).toBe(3);
    const imported = await t.tokenFor('imp.grid1', done.body.created[0].temporaryPassword);
    expect((await call(imported, 'GET', '/auth/me')).body.passwordChangeRequired).toBe(true);
    const notXlsx = await call(admin, 'POST', '/accounts/import', {
      file: Buffer.from('hello').toString('base64'),
      dryRun: true,
    });
    expect([notXlsx.status, notXlsx.body.field]).toEqual([400, 'file']);
    const headers = await call(admin, 'POST', '/accounts/import', {
      file: await sheet(good, ['a', 'b']),
      dryRun: true,
    });
    expect([headers.status, headers.body.field]).toEqual([400, 'file']);
    // A zip bomb: 100 kB of upload that would expand to 100 MB of sheet XML is refused before it is read.
    const bomb = new JSZip();
    bomb.file('xl/worksheets/sheet1.xml', ' '.repeat(100_000_000));
    const bombFile = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const refusedBomb = await call(admin, 'POST', '/accounts/import', {
      file: bombFile.toString('base64'),
      dryRun: true,
    });
    expect([refusedBomb.status, refusedBomb.body.field]).toEqual([400, 'file']);
  });

  it('exports the listed accounts to XLSX, audited', async () => {
    const list = await call(admin, 'GET', '/accounts?role=grid_worker&limit=1');
    const res = await call(admin, 'GET', '/accounts/export?role=grid_worker');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.actualRowCount - 1).toBe(list.body.total);
    expect(ws.getRow(2).getCell(3).text).toBe('网格员');
    expect((await audits('account.export')).at(-1)!.details.rows).toBe(list.body.total);
  });

  it('signs out everywhere: every session of the account ends', async () => {
    const a = await t.tokenFor('community001001');
    const b = await t.tokenFor('community001001');
    expect((await call(a, 'POST', '/auth/sessions/end-all')).status).toBe(204);
    expect((await call(a, 'GET', '/auth/me')).status).toBe(401);
    expect((await call(b, 'GET', '/auth/me')).status).toBe(401);
    expect((await audits('logout.everywhere')).length).toBeGreaterThan(0);
  });
});

/**
 * Two apps stand for two server processes (on PostgreSQL each with its own handle and LISTEN connection;
 * PGlite is one in-process database, so there they share it), as in sessions-cache.test.ts.
 */
describe('disabling an account reaches sessions cached by another process at once', () => {
  let a: Awaited<ReturnType<typeof startTestApp>>;
  let secondDb: Database;
  let b: FastifyInstance;
  const me = (app: FastifyInstance, token: string) =>
    app.inject({ method: 'GET', url: `${API}/auth/me`, headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    a = await startTestApp({}, await own.open());
    secondDb = a.db.engine === 'postgres' ? await own.open() : a.db;
    b = await buildApp({
      config: testConfig({ webDist: '/nonexistent' }),
      db: secondDb,
      pii: testPii,
      logger: false,
    });
    await b.ready();
    const [district] = await a.db.query<{ id: number }>("SELECT id FROM areas WHERE level = 'district'");
    await a.db.query(
      `INSERT INTO accounts (username, display_name, password_hash, role, area_ids)
       VALUES ('acct.admin2', '第二管理员', $1, 'admin', $2), ('acct.leader', '测试领导', $1, 'district_leader', $2)
      ON CONFLICT (username) DO NOTHING`,
      [await hashPassword(DEMO_PASSWORD), [district!.id]],
    );
  });
  afterAll(async () => {
    await a.db.query(
      "UPDATE accounts SET disabled_at = now() WHERE username IN ('acct.admin2', 'acct.leader')",
    );
    await b.close();
    if (secondDb !== a.db) await secondDb.close();
    await a.close();
    if (a.db.engine === 'postgres') await a.db.close();
  });

  it('refuses the disabled account on the other process on the very next request, ten times over', async () => {
    const admin = await a.tokenFor('acct.admin2');
    const [row] = await a.db.query<{ id: number }>("SELECT id FROM accounts WHERE username = 'acct.leader'");
    const act = (path: string) =>
      a.app.inject({
        method: 'POST',
        url: `${API}/accounts/${row!.id}/${path}`,
        headers: { authorization: `Bearer ${admin}` },
      });
    for (let round = 0; round < 10; round++) {
      const token = await a.tokenFor('acct.leader');
      expect((await me(b, token)).statusCode).toBe(200); // cached on b now
      expect((await act('disable')).statusCode).toBe(200);
      expect((await me(b, token)).statusCode).toBe(401);
      expect((await me(a.app, token)).statusCode).toBe(401);
      expect((await act('enable')).statusCode).toBe(200);
    }
  });
});
