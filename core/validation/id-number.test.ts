import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, makeIdNumber, parseIdNumber } from './id-number';

const FIXED_TODAY = new Date(2024, 5, 15); // 2024-06-15, local time

const validIdArb = fc
  .record({
    region: fc.stringMatching(/^[1-9]\d{5}$/),
    date: fc.date({ min: new Date(1900, 0, 1), max: new Date(2024, 5, 14), noInvalidDate: true }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, date, sequence }) => {
    const iso = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    return { id: makeIdNumber(region, iso, sequence), region, iso, sequence };
  });

describe('parseIdNumber', () => {
  it('accepts the GB 11643 sample and normalises a lowercase x', () => {
    const result = parseIdNumber('11010519491231002x');
    expect(result).toEqual({
      ok: true,
      value: '11010519491231002X',
      info: { regionCode: '110105', birthDate: '1949-12-31', sex: 'F' },
    });
  });

  it('reads the sex from the 17th digit', () => {
    const male = parseIdNumber(makeIdNumber('440112', '1985-03-07', 1), FIXED_TODAY);
    const female = parseIdNumber(makeIdNumber('440112', '1985-03-07', 2), FIXED_TODAY);
    expect(male.ok && male.info.sex).toBe('M');
    expect(female.ok && female.info.sex).toBe('F');
  });

  it('rejects malformed input', () => {
    for (const raw of [
      '',
      '1101051949123100',
      '1101051949123100211',
      '1101051949123100XX',
      'A1010519491231002X',
    ]) {
      expect(parseIdNumber(raw)).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('rejects a wrong check character', () => {
    expect(parseIdNumber('110105194912310021')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('rejects impossible and out-of-range birth dates', () => {
    const withDate = (compact: string) => {
      const first17 = `440112${compact}123`;
      return parseIdNumber(first17 + idNumberCheckChar(first17), FIXED_TODAY);
    };
    expect(withDate('19900230')).toEqual({ ok: false, reason: 'birth_date' });
    expect(withDate('19901301')).toEqual({ ok: false, reason: 'birth_date' });
    expect(withDate('19000229')).toEqual({ ok: false, reason: 'birth_date' }); // 1900 is not a leap year
    expect(withDate('18991231')).toEqual({ ok: false, reason: 'birth_date' });
    expect(withDate('20240616')).toEqual({ ok: false, reason: 'birth_date' }); // tomorrow
    expect(withDate('20000229').ok).toBe(true);
    expect(withDate('20240615').ok).toBe(true); // born today
    expect(withDate('19000101').ok).toBe(true);
  });

  it('rejects future dates against the real clock by default', () => {
    const first17 = '44011221990101123';
    expect(parseIdNumber(first17 + idNumberCheckChar(first17))).toEqual({ ok: false, reason: 'birth_date' });
  });
});

describe('makeIdNumber', () => {
  it('builds the GB 11643 sample', () => {
    expect(makeIdNumber('110105', '1949-12-31', 2)).toBe('11010519491231002X');
  });

  it('rejects bad arguments', () => {
    expect(() => makeIdNumber('11010', '1949-12-31', 1)).toThrow();
    expect(() => makeIdNumber('110105', '1949-02-30', 1)).toThrow();
    expect(() => makeIdNumber('110105', '1949-12-31', 1000)).toThrow();
  });

  it('always produces values that parse with the same information', () => {
    fc.assert(
      fc.property(validIdArb, ({ id, region, iso, sequence }) => {
        const result = parseIdNumber(id, FIXED_TODAY);
        expect(result).toEqual({
          ok: true,
          value: id,
          info: { regionCode: region, birthDate: iso, sex: sequence % 2 === 1 ? 'M' : 'F' },
        });
      }),
    );
  });

  it('any single-character change makes a valid number fail', () => {
    const replacement = fc.constantFrom(...'0123456789Xa-'.split(''));
    fc.assert(
      fc.property(validIdArb, fc.integer({ min: 0, max: 17 }), replacement, ({ id }, index, char) => {
        fc.pre(id[index] !== char && !(char === 'x' && id[index] === 'X'));
        const mutated = id.slice(0, index) + char + id.slice(index + 1);
        expect(parseIdNumber(mutated, FIXED_TODAY).ok).toBe(false);
      }),
    );
  });
});
