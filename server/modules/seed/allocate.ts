// Integer allocation helpers that make generated totals exact while keeping the shape random.
import type { Random } from '../../../core/random';

/** Mixes a base seed with labels into an independent 32-bit seed, so each concern has its own stream. */
export function deriveSeed(seed: number, ...parts: (string | number)[]): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  const text = parts.join('\u0000');
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

/**
 * Splits `total` into integers proportional to positive `weights`, each within [min, max], summing
 * exactly to `total` (water-filling, then largest remainder).
 */
export function allocate(total: number, weights: readonly number[], min = 0, max = Number.POSITIVE_INFINITY) {
  const n = weights.length;
  if (total < min * n || total > max * n) {
    throw new Error(`allocate: cannot split ${total} into ${n} parts within [${min}, ${max}]`);
  }
  if (n === 0) return [];
  const clampAt = (scale: number, w: number) => Math.min(max, Math.max(min, scale * w));
  const sumAt = (scale: number) => {
    let sum = 0;
    for (const w of weights) sum += clampAt(scale, w);
    return sum;
  };
  let lo = 0;
  let hi = 1;
  while (sumAt(hi) < total) {
    hi *= 2;
    if (hi > 1e300) throw new Error('allocate: weights must be positive');
  }
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (sumAt(mid) < total) lo = mid;
    else hi = mid;
  }
  const ideal = weights.map((w) => clampAt(hi, w));
  const counts = ideal.map((v) => Math.floor(v));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = counts.map((_, i) => i).sort((a, b) => ideal[b]! - counts[b]! - (ideal[a]! - counts[a]!));
  for (let k = 0; left > 0; k = (k + 1) % n) {
    const i = order[k]!;
    if (counts[i]! < max) {
      counts[i]!++;
      left--;
    }
  }
  return counts;
}

/** Nudges randomly chosen counts up or down by one until they sum to `target`. */
export function adjustTotal(
  counts: Uint8Array | number[],
  target: number,
  random: Random,
  min: number,
  max: number,
) {
  let sum = 0;
  for (let i = 0; i < counts.length; i++) sum += counts[i]!;
  const n = counts.length;
  if (target < min * n || target > max * n)
    throw new Error(`adjustTotal: ${target} unreachable for ${n} parts`);
  while (sum !== target) {
    const i = Math.floor(random.next() * n);
    const c = counts[i]!;
    if (sum < target && c < max) {
      counts[i] = c + 1;
      sum++;
    } else if (sum > target && c > min) {
      counts[i] = c - 1;
      sum--;
    }
  }
}

/**
 * Chooses `k` items without replacement, each with chance increasing with its weight (zero-weight items
 * never): Efraimidis–Spirakis keys −ln(u)/w, the k smallest win. Returns a 0/1 flag per item.
 */
export function sampleWeighted(weights: Float64Array, k: number, random: Random): Uint8Array {
  const keys = new Float64Array(weights.length);
  let eligible = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (w > 0) eligible++;
    keys[i] = w > 0 ? -Math.log(1 - random.next()) / w : Number.POSITIVE_INFINITY;
  }
  if (k > eligible) throw new Error(`sampleWeighted: ${k} wanted, only ${eligible} eligible`);
  const chosen = new Uint8Array(weights.length);
  if (k === 0) return chosen;
  // A typed-array sort (numeric, native) finds the k-th smallest key; ties have probability zero.
  const threshold = keys.slice().sort()[k - 1]!;
  for (let i = 0; i < keys.length; i++) if (keys[i]! <= threshold) chosen[i] = 1;
  return chosen;
}

/** Picks indices with probability proportional to fixed weights, in O(log n) per pick. */
export function weightedIndex(weights: ArrayLike<number>): (random: Random) => number {
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i]!;
    cumulative[i] = sum;
  }
  if (!(sum > 0)) throw new Error('weightedIndex: weights must sum to more than 0');
  return (random) => {
    const r = random.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** A log-normal factor with median 1, for skewed sizes and densities. */
export function logNormal(random: Random, sigma: number): number {
  return Math.exp(random.normal(0, sigma));
}
