import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeUscc, parseUscc } from './uscc';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const charArb = fc.constantFrom(...CHARSET.split(''));
const validUsccArb = fc
  .record({
    dept: charArb,
    type: charArb,
    region: fc.stringMatching(/^[1-9]\d{5}$/),
    body: fc.stringMatching(/^[0-9A-HJ-NPQRTUWXY]{8}$/),
  })
  .map(({ dept, type, region, body }) => makeUscc(dept, type, region, body));

describe('parseUscc', () => {
  it('accepts a real-format code and uppercases input', () => {
    expect(parseUscc('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(parseUscc(' 91350100m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it('rejects bad format', () => {
    for (const raw of [
      '',
      '91350100M000100Y4',
      '91350100M000100Y433',
      '91350100I000100Y43',
      '9135010OM000100Y43',
    ]) {
      expect(parseUscc(raw)).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('rejects a wrong GB 32100 check character', () => {
    expect(parseUscc('91350100M000100Y44')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('rejects a code whose embedded GB 11714 organisation code check is wrong', () => {
    // Organisation code M000100Y with check '5' instead of '4', and a matching GB 32100 check character.
    const valid = makeUscc('9', '1', '350100', 'M000100Y');
    expect(valid).toBe('91350100M000100Y43');
    const first17 = '91350100M000100Y5';
    const fixed = CHARSET.split('')
      .map((c) => first17 + c)
      .filter((candidate) => parseUscc(candidate).ok === false);
    // No final character can rescue a broken organisation code.
    expect(fixed).toHaveLength(CHARSET.length);
    for (const candidate of fixed) expect(parseUscc(candidate)).toEqual({ ok: false, reason: 'checksum' });
  });
});

describe('makeUscc', () => {
  it('rejects bad arguments', () => {
    expect(() => makeUscc('I', '1', '350100', 'M000100Y')).toThrow();
    expect(() => makeUscc('9', '1', '35010', 'M000100Y')).toThrow();
    expect(() => makeUscc('9', '1', '350100', 'M000100S')).toThrow();
  });

  it('always produces values that parse', () => {
    fc.assert(
      fc.property(validUsccArb, (code) => {
        expect(parseUscc(code)).toEqual({ ok: true, value: code });
      }),
    );
  });

  it('any single-character change makes a valid code fail', () => {
    const replacement = fc.constantFrom(...`${CHARSET}IOSVZ-`.split(''));
    fc.assert(
      fc.property(validUsccArb, fc.integer({ min: 0, max: 17 }), replacement, (code, index, char) => {
        fc.pre(code[index] !== char);
        const mutated = code.slice(0, index) + char + code.slice(index + 1);
        expect(parseUscc(mutated).ok).toBe(false);
      }),
    );
  });
});
