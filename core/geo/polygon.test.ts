import { describe, expect, it } from 'vitest';
import { clipConvex, pointInRing, type Ring, ringAreaKm2, ringBBox, ringCentroid } from './polygon';

const square = (x: number, y: number, size: number): Ring => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe('polygon helpers', () => {
  it('computes the bounding box', () => {
    expect(ringBBox(square(1, 2, 3))).toEqual([1, 2, 4, 5]);
  });

  it('tests points with the even-odd rule', () => {
    const ring = square(0, 0, 1);
    expect(pointInRing(0.5, 0.5, ring)).toBe(true);
    expect(pointInRing(1.5, 0.5, ring)).toBe(false);
    expect(pointInRing(0.5, -0.1, ring)).toBe(false);
    // A concave L shape: the notch is outside.
    const l: Ring = [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
      [0, 0],
    ];
    expect(pointInRing(1.5, 1.5, l)).toBe(false);
    expect(pointInRing(0.5, 1.5, l)).toBe(true);
  });

  it('measures area in km² near Guangzhou', () => {
    // 0.01° × 0.01° at 23.1°N: 1.11195 km × 1.11195·cos(23.1°) km.
    const expected = 1.11195 * 1.11195 * Math.cos((23.105 * Math.PI) / 180);
    expect(ringAreaKm2(square(113.45, 23.1, 0.01))).toBeCloseTo(expected, 4);
    // Orientation does not matter.
    expect(ringAreaKm2([...square(113.45, 23.1, 0.01)].reverse())).toBeCloseTo(expected, 4);
  });

  it('is additive over a split', () => {
    const whole = square(113.4, 23.0, 0.1);
    const left: Ring = [
      [113.4, 23.0],
      [113.43, 23.0],
      [113.47, 23.1],
      [113.4, 23.1],
      [113.4, 23.0],
    ];
    const right: Ring = [
      [113.43, 23.0],
      [113.5, 23.0],
      [113.5, 23.1],
      [113.47, 23.1],
      [113.43, 23.0],
    ];
    expect(ringAreaKm2(left) + ringAreaKm2(right)).toBeCloseTo(ringAreaKm2(whole), 9);
  });

  it('finds the area centroid', () => {
    const [x, y] = ringCentroid(square(10, 20, 2));
    expect(x).toBeCloseTo(11, 12);
    expect(y).toBeCloseTo(21, 12);
  });

  it('clips convex polygons in either orientation', () => {
    const a = square(0, 0, 2);
    const b = square(1, 1, 2);
    for (const clip of [b, [...b].reverse()]) {
      const out = clipConvex(a, clip);
      expect(out[0]).toEqual(out[out.length - 1]);
      expect(ringBBox(out)).toEqual([1, 1, 2, 2]);
      expect(Math.abs(ringAreaKm2(out))).toBeGreaterThan(0);
    }
    expect(clipConvex(a, square(5, 5, 1))).toEqual([]);
    // Fully inside: unchanged up to the ring's start.
    expect(ringBBox(clipConvex(square(0.5, 0.5, 1), a))).toEqual([0.5, 0.5, 1.5, 1.5]);
  });
});
