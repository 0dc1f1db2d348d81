import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../core/random';
import { adjustTotal, allocate, deriveSeed, sampleWeighted, weightedIndex } from './allocate';

describe('allocate', () => {
  it('splits a total exactly, proportionally, within bounds', () => {
    expect(allocate(10, [1, 1, 2])).toEqual([3, 2, 5]);
    const streets = allocate(59, [1, 1, 1, 1, 1, 1, 1, 1, 100], 4, 9);
    expect(streets).toEqual([7, 7, 6, 6, 6, 6, 6, 6, 9]);
    expect(() => allocate(5, [1, 1], 3)).toThrow();
    expect(() => allocate(30, [1, 1], 0, 9)).toThrow();
  });

  it('always sums to the total and respects min and max', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 500 }),
        (weights, min, extra) => {
          const total = min * weights.length + extra;
          const counts = allocate(total, weights, min);
          expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
          expect(counts.every((c) => c >= min)).toBe(true);
        },
      ),
    );
  });
});

describe('random helpers', () => {
  it('adjustTotal nudges counts to the target within bounds', () => {
    const counts = new Uint8Array([1, 5, 2, 8, 1, 3]);
    adjustTotal(counts, 12, createRandom(1), 1, 8);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(12);
    expect([...counts].every((c) => c >= 1 && c <= 8)).toBe(true);
  });

  it('sampleWeighted picks exactly k, never zero weights, favouring heavy ones', () => {
    const weights = new Float64Array(1000).map((_, i) => (i % 10 === 0 ? 0 : i < 500 ? 1 : 4));
    const chosen = sampleWeighted(weights, 300, createRandom(3));
    expect(chosen.reduce((a, b) => a + b, 0)).toBe(300);
    expect([...chosen].every((c, i) => c === 0 || weights[i]! > 0)).toBe(true);
    const heavy = [...chosen].filter((c, i) => c && i >= 500).length;
    expect(heavy).toBeGreaterThan(200);
    expect(() => sampleWeighted(new Float64Array([0, 1]), 2, createRandom(1))).toThrow();
  });

  it('weightedIndex follows the weights', () => {
    const pick = weightedIndex([1, 0, 3]);
    const random = createRandom(5);
    const seen = [0, 0, 0];
    for (let i = 0; i < 4000; i++) seen[pick(random)]!++;
    expect(seen[1]).toBe(0);
    expect(seen[2]! / seen[0]!).toBeGreaterThan(2.5);
    expect(seen[2]! / seen[0]!).toBeLessThan(3.5);
  });

  it('deriveSeed separates streams', () => {
    expect(deriveSeed(1, 'a', 0)).toBe(deriveSeed(1, 'a', 0));
    expect(deriveSeed(1, 'a', 0)).not.toBe(deriveSeed(1, 'a', 1));
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(2, 'a'));
  });
});
