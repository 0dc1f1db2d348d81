import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../core/validation/id-number';
import { registryClient } from '../support/registry-client';
import { demoAccounts, startTestApp } from '../support/test-app';
import { testPii } from '../support/test-keys';

type Json = Record<string, unknown>;

/** Every GB 11643 number consistent with what a person was shown: the kept digits, birth month and sex. */
function idCandidates(shown: { idNumber: string; birthMonth: string; sex: string }): string[] {
  const region = shown.idNumber.slice(0, 6);
  if (!/^\d{6}$/.test(region)) throw new Error(`unexpected mask ${shown.idNumber}`);
  const [year, month] = shown.birthMonth.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const out: string[] = [];
  for (let day = 1; day <= days; day++) {
    const date = `${shown.birthMonth.replace('-', '')}${String(day).padStart(2, '0')}`;
    for (let seq = shown.sex === 'M' ? 1 : 0; seq < 1000; seq += 2) {
      const first17 = `${region}${date}${String(seq).padStart(3, '0')}`;
      const candidate = first17 + idNumberCheckChar(first17);
      if (matchesMask(candidate, shown.idNumber)) out.push(candidate);
    }
  }
  return out;
}
const matchesMask = (value: string, mask: string) =>
  value.length === mask.length && [...mask].every((c, i) => c === '*' || c === value[i]);

describe('what any role is shown (list, detail, history, errors) rebuilds no ID number or phone', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let accounts: Awaited<ReturnType<typeof demoAccounts>>;
  const secretsOf = async (id: number) => {
    const [row] = await t.db.query<{ id_number_enc: Uint8Array; phone_enc: Uint8Array | null }>(
      'SELECT id_number_enc, phone_enc FROM residents WHERE id = $1',
      [id],
    );
    const open = (blob: Uint8Array, column: string) =>
      testPii.decrypt(Buffer.from(blob), { table: 'residents', column, rowId: id });
    const idNumber = open(row!.id_number_enc, 'id_number_enc');
    return {
      idNumber,
      phone: row!.phone_enc ? open(row!.phone_enc, 'phone_enc') : null,
      birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    };
  };

  beforeAll(async () => {
    t = await startTestApp({ identitySearchPerHour: 1000 });
    accounts = await demoAccounts(t.db);
  });
  afterAll(() => t.close());

  it('leaves at least 10,000 candidates for every role, none of them confirmable by a role without the reveal right', async () => {
    const readers = new Map<string, string>();
    for (const a of accounts) {
      if (a.role === 'admin') continue; // no registry access; its password is not the demo one
      const key = a.role === 'department_staff' ? `department:${a.department_code}` : a.role;
      if (!readers.has(key)) readers.set(key, a.username);
    }
    let tried = 0;
    for (const [role, username] of readers) {
      const api = registryClient(t.app, await t.tokenFor(username));
      const list = await api.get('/registry/residents?limit=20&householdType=registered');
      if (list.status === 403) continue;
      expect(list.status, role).toBe(200);
      const item =
        (list.body.items as Json[]).find((r) => r.phone !== null) ?? (list.body.items as Json[])[0]!;
      const id = item.id as number;
      const detail = (await api.get(`/registry/residents/${id}`)).body;
      const history = (await api.get(`/registry/residents/${id}/history`)).body;
      const guessed = await api.patch(`/registry/residents/${id}`, { birthDate: '1990-01-01' });
      const shownText = JSON.stringify([list.body, detail, history, guessed.body]);
      const secret = await secretsOf(id);
      expect(shownText, role).not.toContain(secret.idNumber);
      expect(shownText, role).not.toContain(secret.birthDate);
      expect(shownText, role).not.toContain(secret.birthDate.replaceAll('-', ''));
      if (secret.phone) expect(shownText, role).not.toContain(secret.phone);

      const candidates = idCandidates(detail as { idNumber: string; birthMonth: string; sex: string });
      expect(candidates, role).toContain(secret.idNumber);
      expect(candidates.length, role).toBeGreaterThanOrEqual(10_000);
      if (detail.phone)
        expect(10 ** (detail.phone as string).split('*').length - 1, role).toBeGreaterThanOrEqual(10_000);

      const search = await api.get(`/registry/residents?q=${candidates[0]}`);
      const mayReveal =
        ((await api.get('/auth/me')).body.revealable as Record<string, string[]>)?.residents ?? [];
      if (!mayReveal.includes('idNumber')) expect(search.status, role).toBe(403);
      tried++;
    }
    expect(tried).toBeGreaterThanOrEqual(5);
  });

  it('refuses a birth date or sex change of an ID-card holder whatever the value, so updates test no guesses', async () => {
    const centre = accounts.find((a) => a.role === 'district_centre')!;
    const api = registryClient(t.app, await t.tokenFor(centre.username));
    const id = await api.firstId('residents', '&idType=resident_id');
    const secret = await secretsOf(id);
    const right = await api.patch(`/registry/residents/${id}`, { birthDate: secret.birthDate });
    const wrong = await api.patch(`/registry/residents/${id}`, { birthDate: '1901-02-03' });
    expect(right.status).toBe(400);
    expect({ ...right.body }).toEqual({ ...wrong.body });
  });

  it('keeps nothing in the database that rebuilds a number without the keys', async () => {
    const rows = await t.db.query<{
      id: number;
      id_number_masked: string;
      birth_month: string;
      sex: string;
    }>(
      "SELECT id, id_number_masked, birth_month::text AS birth_month, sex FROM residents WHERE id_type = 'resident_id' ORDER BY id LIMIT 5",
    );
    for (const row of rows) {
      const month = row.birth_month.slice(0, 7);
      const candidates = idCandidates({ idNumber: row.id_number_masked, birthMonth: month, sex: row.sex });
      expect(candidates).toContain((await secretsOf(row.id)).idNumber);
      expect(candidates.length).toBeGreaterThanOrEqual(10_000);
    }
    const [history] = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM record_history WHERE changes ? 'birthDate' OR changes ? 'idNumberMasked'",
    );
    expect(history!.n).toBe(0);
  });
});
