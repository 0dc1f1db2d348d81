import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAreaIndex } from '../../../core/geo/area-index';
import { pointInRing, ringBBox } from '../../../core/geo/polygon';
import { buildAreaTrees } from './geometry';
import { SCALES } from './scales';

describe('createAreaIndex over the demo district (seed geometry)', () => {
  const [tree] = buildAreaTrees(SCALES.district, 7);
  const district = tree!.district.boundary.coordinates[0]!;
  const grids = tree!.grids;
  const index = createAreaIndex(grids);
  const [minX, minY, maxX, maxY] = ringBBox(district);

  it('puts every point of the district in exactly one of its 293 grids', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (u, v) => {
          const lng = minX + u * (maxX - minX);
          const lat = minY + v * (maxY - minY);
          const containing = grids.filter((g) => pointInRing(lng, lat, g.boundary.coordinates[0]!));
          const inDistrict = pointInRing(lng, lat, district);
          expect(containing.length).toBe(inDistrict ? 1 : 0);
          expect(index.locate(lng, lat)).toBe(inDistrict ? containing[0]!.id : null);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is fast at district and city scale (rough report, no assertion on time)', () => {
    const city = buildAreaTrees(SCALES.city, 7).flatMap((t) => t.grids);
    for (const [label, areas] of [
      ['293', grids],
      ['5860', city],
    ] as const) {
      const idx = createAreaIndex(areas);
      // Points inside random grids' bounding boxes: the loaded case, where most lookups hit.
      const n = 200_000;
      const points = new Float64Array(2 * n);
      for (let i = 0; i < n; i++) {
        const [x0, y0, x1, y1] = ringBBox(areas[(i * 7919) % areas.length]!.boundary.coordinates[0]!);
        points[2 * i] = x0 + ((i * 0.6180339887) % 1) * (x1 - x0);
        points[2 * i + 1] = y0 + ((i * 0.7548776662) % 1) * (y1 - y0);
      }
      let hits = 0;
      const start = performance.now();
      for (let i = 0; i < n; i++) if (idx.locate(points[2 * i]!, points[2 * i + 1]!) !== null) hits++;
      const seconds = (performance.now() - start) / 1000;
      console.log(`area index, ${label} polygons: ${Math.round(n / seconds).toLocaleString()} locates/s`);
      expect(hits).toBeGreaterThan(0);
    }
  });
});
