// Deterministic PRNG for demo data: sfc32 seeded through splitmix32. Not for anything security-related.

export type Random = {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  chance(p: number): boolean;
  normal(mean: number, sd: number): number;
  shuffle<T>(arr: T[]): T[];
};

const TWO_POW_32 = 4294967296;

export function createRandom(seed: number): Random {
  // splitmix32 spreads any numeric seed (including 0 and nearby seeds) over the 128-bit sfc32 state.
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = 1;

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextUint32();

  const next = (): number => nextUint32() / TWO_POW_32;

  return {
    next,
    int(min, max) {
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
        throw new Error(`int: need integers with min <= max, got ${min}..${max}`);
      }
      return min + Math.floor(next() * (max - min + 1));
    },
    pick(items) {
      if (items.length === 0) throw new Error('pick: empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted(items) {
      let total = 0;
      for (const [, weight] of items) {
        if (!(weight >= 0) || !Number.isFinite(weight)) throw new Error(`weighted: invalid weight ${weight}`);
        total += weight;
      }
      if (total <= 0) throw new Error('weighted: weights must sum to more than 0');
      let r = next() * total;
      for (const [item, weight] of items) {
        if (r < weight) return item;
        r -= weight;
      }
      // Floating-point leftovers: fall back to the last item with a positive weight.
      for (let i = items.length - 1; i >= 0; i--) if (items[i]![1] > 0) return items[i]![0];
      throw new Error('weighted: unreachable');
    },
    chance(p) {
      return next() < p;
    },
    normal(mean, sd) {
      // Box-Muller; 1 - next() is in (0, 1] so the log is finite.
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    shuffle(arr) {
      for (let i = arr.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = arr[i]!;
        arr[i] = arr[j]!;
        arr[j] = tmp;
      }
      return arr;
    },
  };
}
