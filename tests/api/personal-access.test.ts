import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshIdNumber, registryClient } from '../support/registry-client';
import { demoAccounts, startTestApp } from '../support/test-app';

type Json = Record<string, unknown>;

describe('reads of personal data are on record; exact identity search is limited; refused reveals leave a trace', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let accounts: Awaited<ReturnType<typeof demoAccounts>>;
  const as = async (role: string) => {
    // The last account of a role: the one other test files (sharing a PostgreSQL database) use least.
    const account = accounts.filter((a) => a.role === role).at(-1)!;
    return { account, client: registryClient(t.app, await t.tokenFor(account.username)) };
  };
  const accountId = async (username: string) =>
    (await t.db.query<{ id: number }>('SELECT id FROM accounts WHERE username = $1', [username]))[0]!.id;
  // On PostgreSQL the test files share one database: look only at what this file wrote.
  let readsBefore = 0;
  let auditBefore = 0;
  const reads = (id: number) =>
    t.db.query<{ entity: string; kind: string; record_ids: number[] }>(
      'SELECT entity, kind, record_ids FROM personal_data_reads WHERE account_id = $1 AND id > $2 ORDER BY id',
      [id, readsBefore],
    );
  const audits = (id: number, action: string) =>
    t.db.query<{ details: Json; object_id: string | null }>(
      'SELECT details, object_id FROM audit_log WHERE actor_id = $1 AND action = $2 AND id > $3 ORDER BY id',
      [id, action, auditBefore],
    );

  beforeAll(async () => {
    t = await startTestApp({ bulkReadAlertPerHour: 50, identitySearchPerHour: 3 });
    accounts = await demoAccounts(t.db);
    const [marks] = await t.db.query<{ reads: string; audit: string }>(
      `SELECT (SELECT coalesce(max(id), 0) FROM personal_data_reads)::text AS reads,
              (SELECT coalesce(max(id), 0) FROM audit_log)::text AS audit`,
    );
    readsBefore = Number(marks!.reads);
    auditBefore = Number(marks!.audit);
  });
  afterAll(() => t.close());

  it('keeps one row per list, get and history request with the ids it returned, and none for non-personal lists', async () => {
    const { account, client } = await as('grid_worker');
    const id = await accountId(account.username);
    const list = await client.get('/registry/residents?limit=5');
    const ids = (list.body.items as Json[]).map((r) => r.id as number);
    await client.get(`/registry/residents/${ids[0]}`);
    await client.get(`/registry/residents/${ids[0]}/history`);
    await client.get('/registry/addresses?limit=5');
    const rows = await reads(id);
    expect(rows.map((r) => [r.entity, r.kind])).toEqual([
      ['resident', 'list'],
      ['resident', 'get'],
      ['resident', 'history'],
    ]);
    expect(rows[0]!.record_ids).toEqual(ids);
    expect(rows[1]!.record_ids).toEqual([ids[0]]);
  });

  it('lets auditors (only) ask who read a given person', async () => {
    const { account, client } = await as('grid_worker');
    const first = (await client.get('/registry/residents?limit=1')).body.items as Json[];
    const residentId = first[0]!.id as number;
    const { client: auditor } = await as('auditor');
    const res = await auditor.get(`/audit/reads?entity=resident&recordId=${residentId}`);
    expect(res.status).toBe(200);
    const items = res.body.items as Json[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => (i.recordIds as number[]).includes(residentId))).toBe(true);
    const label = `account:${await accountId(account.username)}:${account.username}`;
    expect(items.some((i) => i.actor === label)).toBe(true);
    expect((await client.get('/audit/reads')).status).toBe(403);
    expect((await auditor.get('/audit/reads?recordId=99999999999')).status).toBe(400);
  });

  it('raises one audited alert when an account pages through more people than the hourly threshold', async () => {
    const { account, client } = await as('street_staff');
    const id = await accountId(account.username);
    let cursor: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res = await client.get(`/registry/residents?limit=20${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      cursor = res.body.nextCursor as string | null;
    }
    const alerts = await audits(id, 'personal.bulk_read_alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.details.threshold).toBe(50);
    expect(alerts[0]!.details.records as number).toBeGreaterThanOrEqual(50);
  });

  it('allows exact ID-number search only to roles that may reveal it, on record and a few times an hour', async () => {
    const { account: centreAccount, client: centre } = await as('district_centre');
    const house = await centre.firstId('houses');
    const person = freshIdNumber('F');
    const created = await centre.post('/registry/residents', {
      houseId: house,
      name: '查找测试',
      sex: 'F',
      birthDate: person.birthDate,
      householdType: 'registered',
      idNumber: person.idNumber,
      ethnicity: '汉族',
      relation: '本人',
      tags: [],
    });
    expect(created.status).toBe(201);
    const { account: leaderAccount, client: leader } = await as('district_leader');
    const refused = await leader.get(`/registry/residents?q=${person.idNumber}`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('identity_search_forbidden');
    expect(
      await audits(await accountId(leaderAccount.username), 'personal.identity_search.refused'),
    ).toHaveLength(1);
    // A name search stays open to the leader.
    expect((await leader.get(`/registry/residents?q=${encodeURIComponent('查找')}`)).status).toBe(200);

    const centreId = await accountId(centreAccount.username);
    for (let i = 0; i < 3; i++) {
      const found = await centre.get(`/registry/residents?q=${person.idNumber}`);
      expect(found.status).toBe(200);
      expect((found.body.items as Json[]).map((r) => r.id)).toEqual([created.body.id]);
    }
    const limited = await centre.get(`/registry/residents?q=${person.idNumber}`);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('identity_search_limit');
    const searches = (await reads(centreId)).filter((r) => r.kind === 'identity_search');
    expect(searches).toHaveLength(3);
    expect(searches[0]!.record_ids).toEqual([created.body.id]);
  });

  it('audits refused reveals — wrong role, out of scope, blank or token reasons — like granted ones', async () => {
    const { account: workerAccount, client: worker } = await as('grid_worker');
    const workerId = await accountId(workerAccount.username);
    const own = (await worker.get('/registry/residents?limit=1')).body.items as Json[];
    const [outside] = await t.db.query<{ id: number }>(
      'SELECT id FROM residents WHERE NOT (grid_id = ANY($1::int[])) LIMIT 1',
      [workerAccount.area_ids],
    );
    const reveal = (id: unknown, reason: string) =>
      worker.post(`/registry/residents/${id}/reveal`, { field: 'phone', reason });
    expect((await reveal(outside!.id, '入户走访核实')).status).toBe(404);
    for (const reason of ['   ', 'ab', '1234', '。。。。']) {
      const res = await reveal(own[0]!.id, reason);
      expect(res.status, reason).toBe(400);
    }
    expect((await reveal(own[0]!.id, '入户走访核实')).status).toBe(200);
    const refusals = await audits(workerId, 'personal.reveal.refused');
    expect(refusals.map((r) => r.details.status)).toEqual([404, 400, 400, 400, 400]);
    expect(refusals[0]!.object_id).toBe(String(outside!.id));
    expect(await audits(workerId, 'personal.reveal')).toHaveLength(1);

    const { account: leaderAccount, client: leader } = await as('district_leader');
    const denied = await leader.post(`/registry/residents/${own[0]!.id}/reveal`, {
      field: 'idNumber',
      reason: '领导查看',
    });
    expect(denied.status).toBe(403);
    const leaderRefusals = await audits(await accountId(leaderAccount.username), 'personal.reveal.refused');
    expect(leaderRefusals).toHaveLength(1);
    // Refused before the body is read (the role check comes first): status and code, no field.
    expect(leaderRefusals[0]!.details).toMatchObject({ status: 403, code: 'forbidden' });
  });
});
