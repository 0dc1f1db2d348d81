import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { freshIdNumber, registryClient } from '../support/registry-client';
import { demoAccounts, startTestApp } from '../support/test-app';
import { testPii } from '../support/test-keys';

type Json = Record<string, unknown>;

/** Encrypted values carry their table, column, row id and key version as AES-GCM additional data. */
describe('encrypted personal data is bound to its row and field', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let centre: ReturnType<typeof registryClient>;
  let token: string;
  let pair: { id: number; version: number }[];

  const swapIdNumbers = (a: number, b: number) =>
    t.db.query(
      `UPDATE residents r SET id_number_enc = o.id_number_enc
         FROM residents o WHERE (r.id, o.id) IN ((${a}, ${b}), (${b}, ${a}))`,
    );

  beforeAll(async () => {
    t = await startTestApp();
    const account = (await demoAccounts(t.db)).find((a) => a.role === 'district_centre')!;
    token = await t.tokenFor(account.username);
    centre = registryClient(t.app, token);
    pair = await t.db.query<{ id: number; version: number }>(
      'SELECT id, version FROM residents WHERE archived_at IS NULL ORDER BY id DESC LIMIT 2',
    );
  });
  afterAll(() => t.close());

  const reveal = (id: number) =>
    centre.post(`/registry/residents/${id}/reveal`, { field: 'idNumber', reason: '核对身份证号与户籍记录' });

  it('refuses to serve swapped ciphertexts, on reveal and on an update that decrypts', async () => {
    const [a, b] = pair as [{ id: number; version: number }, { id: number; version: number }];
    const plainA = (await reveal(a.id)).body.value as string;
    expect(plainA).toMatch(/^\d{17}[\dX]$/);
    await swapIdNumbers(a.id, b.id);
    try {
      for (const id of [a.id, b.id]) {
        const res = await reveal(id);
        expect(res.status).toBe(500);
        expect(res.body.code).toBe('data_integrity');
        expect(JSON.stringify(res.body)).not.toContain(plainA);
      }
      // The log names where (table, column, row), never the value.
      const lines: string[] = [];
      const logged = await buildApp({
        config: t.config,
        db: t.db,
        pii: testPii,
        logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } },
      });
      try {
        const res = await logged.inject({
          method: 'POST',
          url: `/api/v1/registry/residents/${b.id}/reveal`,
          headers: { authorization: `Bearer ${token}` },
          payload: { field: 'idNumber', reason: '核对身份证号与户籍记录' },
        });
        expect(res.json().code).toBe('data_integrity');
      } finally {
        await logged.close();
      }
      const failure = lines.map((l) => JSON.parse(l) as Json).find((l) => l.code === 'data_integrity');
      expect(failure).toMatchObject({
        level: 50,
        where: { table: 'residents', column: 'id_number_enc', rowId: b.id, keyVersion: 1 },
      });
      expect(lines.join('\n')).not.toContain(plainA);
      const update = await centre.patch(`/registry/residents/${a.id}`, { relation: '其他' });
      expect(update.status).toBe(500);
      expect(update.body.code).toBe('data_integrity');
      const [after] = await t.db.query<{ version: number; relation: string }>(
        `SELECT version, relation FROM residents WHERE id = ${a.id}`,
      );
      expect(after!.version).toBe(a.version);
      expect(after!.relation).not.toBe('其他');
    } finally {
      await swapIdNumbers(a.id, b.id);
    }
    expect((await reveal(a.id)).body.value).toBe(plainA);
  });

  it('binds values written through the API to the id drawn before the insert', async () => {
    const b = pair[1]!;
    const [source] = await t.db.query<{ house_id: number }>(
      `SELECT house_id FROM residents WHERE id = ${b.id}`,
    );
    const person = freshIdNumber('F', '1985-06-15');
    const created = await centre.post('/registry/residents', {
      houseId: source!.house_id,
      name: '测试绑定',
      sex: 'F',
      birthDate: person.birthDate,
      householdType: 'registered',
      idNumber: person.idNumber,
      phone: '13812345678',
      ethnicity: '汉族',
      relation: '其他',
      tags: [],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = (created.body as Json).id as number;
    const [stored] = await t.db.query<{ id_number_enc: Uint8Array; phone_enc: Uint8Array }>(
      `SELECT id_number_enc, phone_enc FROM residents WHERE id = ${id}`,
    );
    const at = { table: 'residents', column: 'id_number_enc', rowId: id };
    expect(testPii.decrypt(Buffer.from(stored!.id_number_enc), at)).toBe(person.idNumber);
    expect(() => testPii.decrypt(Buffer.from(stored!.phone_enc), at)).toThrow();
    expect(testPii.decrypt(Buffer.from(stored!.phone_enc), { ...at, column: 'phone_enc' })).toBe(
      '13812345678',
    );
    await centre.post(`/registry/residents/${id}/archive`, {});
  });
});
