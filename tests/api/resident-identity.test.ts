import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../core/validation/id-number';
import { freshIdNumber, registryClient, writeCounts } from '../support/registry-client';
import { demoAccounts, startTestApp } from '../support/test-app';
import { testPii } from '../support/test-keys';

type Json = Record<string, unknown>;

describe('resident identity: document types, and duplicates outside one’s area without an existence oracle', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let worker: ReturnType<typeof registryClient>;
  let centre: ReturnType<typeof registryClient>;
  let workerGrid: number;
  let houseId: number;
  const person = (extra: Json) => ({
    houseId,
    name: '测试居民',
    householdType: 'floating',
    ethnicity: '汉族',
    relation: '本人',
    tags: [],
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp({ identitySearchPerHour: 1000 });
    const accounts = await demoAccounts(t.db);
    const w = accounts.find((a) => a.role === 'grid_worker')!;
    workerGrid = w.area_ids[0]!;
    worker = registryClient(t.app, await t.tokenFor(w.username));
    centre = registryClient(
      t.app,
      await t.tokenFor(accounts.find((a) => a.role === 'district_centre')!.username),
    );
    houseId = await worker.firstId('houses');
  });
  afterAll(() => t.close());

  it('answers a number held outside the caller’s area exactly like a new one, and files a task for the centre', async () => {
    const [elsewhere] = await t.db.query<{ id: number; id_number_enc: Uint8Array; sex: string }>(
      `SELECT id, id_number_enc, sex FROM residents r WHERE grid_id <> $1 AND id_type = 'resident_id'
          AND archived_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM health_records h WHERE h.resident_id = r.id AND h.archived_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM party_members m WHERE m.resident_id = r.id AND m.archived_at IS NULL)
        ORDER BY id LIMIT 1`,
      [workerGrid],
    );
    const aad = { table: 'residents', column: 'id_number_enc', rowId: elsewhere!.id };
    const taken = testPii.decrypt(Buffer.from(elsewhere!.id_number_enc), aad);
    const fresh = freshIdNumber('F');
    const normal = await worker.post('/registry/residents', person({ idNumber: fresh.idNumber }));
    const duplicate = await worker.post('/registry/residents', person({ idNumber: taken }));
    expect(normal.status).toBe(201);
    expect(duplicate.status).toBe(201);
    expect(Object.keys(duplicate.body).sort()).toEqual(Object.keys(normal.body).sort());
    const shown = JSON.stringify([
      duplicate.body,
      (await worker.get(`/registry/residents/${duplicate.body.id}`)).body,
      (await worker.get(`/registry/residents/${duplicate.body.id}/history`)).body,
    ]);
    expect(shown).not.toMatch(/conflict/i);
    expect(shown).not.toContain(String(elsewhere!.id));
    const found = await worker.get(`/registry/residents?q=${taken}`);
    expect((found.body.items as Json[]).map((r) => r.id)).toEqual([duplicate.body.id]);

    // A number already held inside one's own area is a plain 409 naming the record (it is visible anyway).
    const again = await worker.post('/registry/residents', person({ idNumber: fresh.idNumber }));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'duplicate', field: 'idNumber' });
    expect(String(again.body.message)).toContain(String(normal.body.id));

    expect((await worker.get('/registry/identity-conflicts')).status).toBe(403);
    const open = (await centre.get('/registry/identity-conflicts')).body.items as Json[];
    const task = open.find((c) => (c.resident as Json).id === duplicate.body.id)!;
    expect((task.existing as Json).id).toBe(elsewhere!.id);

    const resolved = await centre.post(`/registry/identity-conflicts/${task.id}/resolve`, { keep: 'new' });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body).toMatchObject({ kept: duplicate.body.id, archived: elsewhere!.id });
    const [after] = await t.db.query<{ archived: boolean; conflict: boolean }>(
      `SELECT (SELECT archived_at IS NOT NULL FROM residents WHERE id = $1) AS archived,
              (SELECT identity_conflict FROM residents WHERE id = $2) AS conflict`,
      [elsewhere!.id, duplicate.body.id],
    );
    expect(after).toEqual({ archived: true, conflict: false });
    const repeat = await centre.post(`/registry/identity-conflicts/${task.id}/resolve`, { keep: 'new' });
    expect(repeat.status).toBe(409);
    const [audit] = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'registry.identity_conflict.resolve' AND object_id = $1",
      [String(task.id)],
    );
    expect(audit!.n).toBe(1);
  });

  it('registers people without a mainland ID number, each document checked by its own rule', async () => {
    const passport = await worker.post(
      '/registry/residents',
      person({
        idType: 'passport',
        idNumber: 'E12345678',
        nationality: 'usa',
        birthDate: '1988-04-09',
        sex: 'M',
      }),
    );
    expect(passport.status, JSON.stringify(passport.body)).toBe(201);
    expect(passport.body).toMatchObject({
      idType: 'passport',
      idNumber: '*********',
      nationality: 'USA',
      birthMonth: '1988-04',
      sex: 'M',
    });
    const hk = await worker.post(
      '/registry/residents',
      person({ idType: 'hk_macau_pass', idNumber: 'H87654321', birthDate: '1979-11-30', sex: 'F' }),
    );
    expect(hk.status).toBe(201);
    const found = await worker.get('/registry/residents?q=H87654321');
    expect((found.body.items as Json[]).map((r) => r.id)).toEqual([hk.body.id]);
    const permit = makeIdNumber('810000', '1992-02-29', 7);
    const hmt = await worker.post(
      '/registry/residents',
      person({ idType: 'hmt_residence_permit', idNumber: permit }),
    );
    expect(hmt.status).toBe(201);
    expect(hmt.body).toMatchObject({ birthMonth: '1992-02', sex: 'M', idNumber: '810000************' });

    const before = await writeCounts(t.db, 'residents');
    const refused: [Json, string][] = [
      [{ idType: 'passport', idNumber: 'E12345670', birthDate: '1988-04-09', sex: 'M' }, 'nationality'],
      [
        { idType: 'passport', idNumber: 'E12345670', nationality: 'ZZZ', birthDate: '1988-04-09', sex: 'M' },
        'nationality',
      ],
      [{ idType: 'hmt_residence_permit', idNumber: freshIdNumber('F').idNumber }, 'idType'],
      [{ idType: 'hk_macau_pass', idNumber: 'H1234', birthDate: '1979-11-30', sex: 'F' }, 'idNumber'],
      [{ idType: 'hk_macau_pass', idNumber: 'H12345670' }, 'birthDate'],
      [{ idType: 'birth_certificate', idNumber: 'Q440123456', birthDate: '2019-01-01', sex: 'F' }, 'idType'],
      [{ idType: 'other', idNumber: 'whatever' }, 'idType'],
      [
        {
          idType: 'taiwan_pass',
          idNumber: '12345678',
          nationality: 'USA',
          birthDate: '1970-01-01',
          sex: 'M',
        },
        'nationality',
      ],
    ];
    for (const [extra, field] of refused) {
      const res = await worker.post('/registry/residents', person(extra));
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.body.field, JSON.stringify(extra)).toBe(field);
    }
    expect(await writeCounts(t.db, 'residents')).toEqual(before);

    // A passport holder's birth date is not in the number: it may be corrected on its own.
    const fixed = await worker.patch(`/registry/residents/${passport.body.id}`, { birthDate: '1988-05-01' });
    expect(fixed.status).toBe(200);
    expect(fixed.body.birthMonth).toBe('1988-05');
    // A renewed passport: the new number alone keeps the document type and the country.
    const renewed = await worker.patch(`/registry/residents/${passport.body.id}`, { idNumber: 'E99887766' });
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(200);
    expect(renewed.body).toMatchObject({ idType: 'passport', nationality: 'USA', birthMonth: '1988-05' });
  });
});
