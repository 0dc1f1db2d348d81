import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

const take = (seed: number, n: number) => {
  const r = createRandom(seed);
  return Array.from({ length: n }, () => r.next());
};

describe('createRandom', () => {
  it('is deterministic per seed and differs between seeds', () => {
    expect(take(42, 100)).toEqual(take(42, 100));
    expect(take(42, 10)).not.toEqual(take(43, 10));
    expect(take(0, 10)).not.toEqual(take(1, 10));
  });

  it('next stays in [0, 1) and is roughly uniform', () => {
    const values = take(7, 20000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });

  it('int is inclusive on both ends', () => {
    const r = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
    expect(r.int(5, 5)).toBe(5);
    expect(() => r.int(2, 1)).toThrow();
  });

  it('pick, weighted and chance behave', () => {
    const r = createRandom(2);
    expect(['a', 'b']).toContain(r.pick(['a', 'b']));
    expect(() => r.pick([])).toThrow();
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10000; i++)
      counts[
        r.weighted([
          ['a', 1],
          ['b', 3],
          ['c', 0],
        ] as const)
      ]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.5);
    expect(counts.b / counts.a).toBeLessThan(3.5);
    expect(() => r.weighted([['a', 0]])).toThrow();
    expect(r.chance(0)).toBe(false);
    expect(r.chance(1)).toBe(true);
  });

  it('normal has roughly the requested mean and deviation', () => {
    const r = createRandom(3);
    const values = Array.from({ length: 20000 }, () => r.normal(10, 2));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeGreaterThan(1.9);
    expect(sd).toBeLessThan(2.1);
  });

  it('shuffle permutes in place deterministically', () => {
    const a = Array.from({ length: 20 }, (_, i) => i);
    const result = createRandom(4).shuffle(a);
    expect(result).toBe(a);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(createRandom(4).shuffle(Array.from({ length: 20 }, (_, i) => i))).toEqual(a);
  });
});
