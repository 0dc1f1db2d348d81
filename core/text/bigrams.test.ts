import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchBigrams } from './bigrams';

describe('searchBigrams', () => {
  it('returns overlapping bigrams', () => {
    expect(searchBigrams('黄埔东路')).toEqual(['黄埔', '埔东', '东路']);
  });

  it('normalises width, case, whitespace and punctuation', () => {
    expect(searchBigrams('Ａｂ Ｃ')).toEqual(['ab', 'bc']);
    expect(searchBigrams('黄埔，东路！')).toEqual(['黄埔', '埔东', '东路']);
  });

  it('deduplicates', () => {
    expect(searchBigrams('哈哈哈')).toEqual(['哈哈']);
  });

  it('handles short strings', () => {
    expect(searchBigrams('黄')).toEqual(['黄']);
    expect(searchBigrams('')).toEqual([]);
    expect(searchBigrams(' ，')).toEqual([]);
  });

  it('a substring’s bigrams are contained in the text’s bigrams', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'黄埔东路大沙街道12 ab，'.split('')) }),
        fc.nat(),
        fc.nat(),
        (text, i, j) => {
          const start = Math.min(i, j) % (text.length + 1);
          const query = text.slice(start, start + (Math.max(i, j) % 6));
          const queryBigrams = searchBigrams(query);
          fc.pre(queryBigrams.every((b) => b.length === 2));
          const rowBigrams = new Set(searchBigrams(text));
          for (const b of queryBigrams) expect(rowBigrams.has(b)).toBe(true);
        },
      ),
    );
  });
});
