import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from './id-number';
import { documentKey, maskDocumentNumber, parseIdentityDocument } from './identity-document';

const today = new Date('2026-11-29T00:00:00Z');
const parse = (
  type: Parameters<typeof parseIdentityDocument>[0],
  n: string,
  nat: string | null = null,
  birth: string | null = null,
) => parseIdentityDocument(type, n, nat, birth, today);

describe('identity documents', () => {
  it('checks mainland ID numbers by GB 11643 and keeps Hong Kong, Macau and Taiwan regions for residence permits', () => {
    const mainland = makeIdNumber('440112', '1990-03-07', 123);
    expect(parse('resident_id', mainland)).toMatchObject({
      ok: true,
      document: { encoded: { birthDate: '1990-03-07', sex: 'M' } },
    });
    expect(parse('hmt_residence_permit', mainland)).toEqual({ ok: false, problem: 'region' });
    const hk = makeIdNumber('810000', '1985-12-01', 42);
    expect(parse('hmt_residence_permit', hk)).toMatchObject({
      ok: true,
      document: { encoded: { sex: 'F' } },
    });
    expect(parse('resident_id', hk)).toEqual({ ok: false, problem: 'region' });
    expect(parse('resident_id', `${mainland.slice(0, 17)}${mainland[17] === '0' ? '1' : '0'}`)).toEqual({
      ok: false,
      problem: 'checksum',
    });
  });

  it('checks the 2023 foreign permanent-residence card: 18 digits from 9, GB 11643 check, real birth date', () => {
    const first17 = '91184019900307123';
    const card = makeIdNumber('911840', '1990-03-07', 123);
    expect(card.slice(0, 17)).toBe(first17);
    expect(parse('foreign_permanent_residence', card)).toMatchObject({
      ok: true,
      document: { encoded: { birthDate: '1990-03-07', sex: 'M' } },
    });
    expect(parse('foreign_permanent_residence', makeIdNumber('440112', '1990-03-07', 1))).toEqual({
      ok: false,
      problem: 'format',
    });
    expect(parse('foreign_permanent_residence', makeIdNumber('911840', '2030-01-01', 1))).toEqual({
      ok: false,
      problem: 'birth_date',
    });
  });

  it('checks passes, passports and birth certificates by their own patterns; none takes free text', () => {
    expect(parse('hk_macau_pass', 'h1234 5678').ok).toBe(true);
    expect(parse('hk_macau_pass', 'X12345678')).toEqual({ ok: false, problem: 'format' });
    expect(parse('taiwan_pass', '12345678').ok).toBe(true);
    expect(parse('taiwan_pass', '1234567')).toEqual({ ok: false, problem: 'format' });
    expect(parse('passport', 'E12345678', 'usa')).toMatchObject({
      ok: true,
      document: { nationality: 'USA' },
    });
    expect(parse('passport', 'E12345678')).toEqual({ ok: false, problem: 'nationality_required' });
    expect(parse('passport', 'E12345678', 'CHN')).toEqual({ ok: false, problem: 'nationality_unknown' });
    expect(parse('passport', 'ABCDEFG', 'USA')).toEqual({ ok: false, problem: 'format' });
    expect(parse('taiwan_pass', '12345678', 'USA')).toEqual({
      ok: false,
      problem: 'nationality_not_allowed',
    });
    expect(parse('birth_certificate', 'Q440123456', null, '2026-10-01').ok).toBe(true);
    expect(parse('birth_certificate', 'Q440123456', null, '2020-10-01')).toEqual({
      ok: false,
      problem: 'too_old_for_birth_certificate',
    });
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        for (const type of ['hk_macau_pass', 'taiwan_pass', 'birth_certificate'] as const) {
          const r = parse(type, text);
          if (r.ok) expect(r.document.number).toMatch(/^[A-Z0-9]+$/);
        }
      }),
    );
  });

  it('keys passports by country and shows only what identifies no one', () => {
    expect(documentKey({ idType: 'passport', number: 'E1234567', nationality: 'USA' })).toBe(
      'passport:USA:E1234567',
    );
    expect(documentKey({ idType: 'resident_id', number: '44011219900307123X', nationality: null })).toBe(
      '44011219900307123X',
    );
    expect(maskDocumentNumber('resident_id', '44011219900307123X')).toBe('440112************');
    expect(maskDocumentNumber('hk_macau_pass', 'H12345678')).toBe('H********');
    expect(maskDocumentNumber('passport', 'E12345678')).toBe('*********');
  });
});
