import { describe, expect, it } from 'vitest';
import { createAreaIndex } from './area-index';
import type { Ring } from './polygon';

const square = (x: number, y: number, size: number): Ring => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe('createAreaIndex', () => {
  it('locates points in polygons, multipolygons and holes', () => {
    const index = createAreaIndex([
      { id: 1, boundary: { type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2)] } },
      { id: 2, boundary: { type: 'MultiPolygon', coordinates: [[square(20, 0, 1)], [square(30, 0, 1)]] } },
      { id: 3, boundary: { type: 'Polygon', coordinates: [square(4.5, 4.5, 1)] } },
    ]);
    expect(index.size).toBe(3);
    expect(index.locate(1, 1)).toBe(1);
    expect(index.locate(5, 5)).toBe(3); // inside the hole of 1, inside 3
    expect(index.locate(4.2, 4.2)).toBeNull(); // in the hole, outside 3
    expect(index.locate(20.5, 0.5)).toBe(2);
    expect(index.locate(30.5, 0.5)).toBe(2);
    expect(index.locate(25, 0.5)).toBeNull();
    expect(index.locate(Number.NaN, 0)).toBeNull();
    expect(createAreaIndex([]).locate(0, 0)).toBeNull();
  });
});
