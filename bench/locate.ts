import { createAreaIndex } from '../core/geo/area-index';
import { createRandom } from '../core/random';
import { buildAreaTrees, SCALES } from '../server/modules/seed';
import { type Figure, printFigures, writeSection } from './report';

const POINTS = 1_000_000;

/** Point → grid placement rate over the demo district's grids and over a 20-district city. */
export async function benchLocate(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const scale of ['district', 'city'] as const) {
    const grids = buildAreaTrees(SCALES[scale], 1).flatMap((t) => t.grids);
    const index = createAreaIndex(grids);
    const [minLng, minLat, maxLng, maxLat] = grids.reduce(
      (b, g) => {
        for (const [lng, lat] of g.boundary.coordinates[0]!) {
          b[0] = Math.min(b[0], lng);
          b[1] = Math.min(b[1], lat);
          b[2] = Math.max(b[2], lng);
          b[3] = Math.max(b[3], lat);
        }
        return b;
      },
      [Infinity, Infinity, -Infinity, -Infinity],
    );
    const random = createRandom(42);
    const lngs = new Float64Array(POINTS);
    const lats = new Float64Array(POINTS);
    for (let i = 0; i < POINTS; i++) {
      lngs[i] = minLng + random.next() * (maxLng - minLng);
      lats[i] = minLat + random.next() * (maxLat - minLat);
    }
    for (let i = 0; i < 50_000; i++) index.locate(lngs[i]!, lats[i]!); // warm-up
    let found = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < POINTS; i++) if (index.locate(lngs[i]!, lats[i]!) !== null) found++;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    figures.push({
      name: `point → grid, ${grids.length} grids (${((found / POINTS) * 100).toFixed(0)}% of points inside)`,
      value: POINTS / seconds,
      unit: 'points/s',
      limit: 200_000,
      better: 'higher',
    });
  }
  printFigures('Point-to-grid placement', figures);
  writeSection(
    'locate',
    'Point-to-grid placement',
    figures,
    `${POINTS.toLocaleString('en')} random points in the bounding box of the grids, one thread.`,
  );
  return figures;
}
