// Point → area lookup: a packed R-tree (Flatbush) over polygon bounding boxes, then an exact
// point-in-polygon test on the few candidates. Pure and browser-safe.
import Flatbush from 'flatbush';
import { type MultiPolygonGeometry, type PolygonGeometry, type Ring, ringBBox } from './polygon';

export type IndexedArea = { id: number; boundary: PolygonGeometry | MultiPolygonGeometry };

export type AreaIndex = {
  /** The id of the area containing the point, or null. On a shared edge either neighbour may answer. */
  locate(lng: number, lat: number): number | null;
  readonly size: number;
};

/** One polygon (outer ring plus holes) flattened to [x0, y0, x1, y1, ...] per ring for a fast inner loop. */
type Part = { areaId: number; rings: Float64Array[] };

export function createAreaIndex(areas: readonly IndexedArea[]): AreaIndex {
  const parts: Part[] = [];
  const boxes: number[] = [];
  for (const area of areas) {
    const polygons =
      area.boundary.type === 'Polygon' ? [area.boundary.coordinates] : area.boundary.coordinates;
    for (const rings of polygons) {
      const outer = rings[0];
      if (!outer || outer.length < 4) continue;
      parts.push({ areaId: area.id, rings: rings.map(flatten) });
      boxes.push(...ringBBox(outer));
    }
  }

  const tree = parts.length > 0 ? new Flatbush(parts.length) : null;
  if (tree) {
    for (let i = 0; i < boxes.length; i += 4)
      tree.add(boxes[i]!, boxes[i + 1]!, boxes[i + 2]!, boxes[i + 3]!);
    tree.finish();
  }

  let found: number | null = null;
  let x = 0;
  let y = 0;
  // The filter does the exact test and keeps the results array empty, so a lookup allocates nothing.
  const filter = (index: number): boolean => {
    if (found === null) {
      const part = parts[index]!;
      if (inPolygon(x, y, part.rings)) found = part.areaId;
    }
    return false;
  };

  return {
    size: areas.length,
    locate(lng, lat) {
      if (!tree || !Number.isFinite(lng) || !Number.isFinite(lat)) return null;
      found = null;
      x = lng;
      y = lat;
      tree.search(lng, lat, lng, lat, filter);
      return found;
    },
  };
}

function flatten(ring: Ring): Float64Array {
  const out = new Float64Array(ring.length * 2);
  for (let i = 0; i < ring.length; i++) {
    out[2 * i] = ring[i]![0];
    out[2 * i + 1] = ring[i]![1];
  }
  return out;
}

/** Even-odd over all rings of one polygon, so holes fall out naturally. */
function inPolygon(px: number, py: number, rings: Float64Array[]): boolean {
  let inside = false;
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const xi = ring[i]!;
      const yi = ring[i + 1]!;
      const xj = ring[j]!;
      const yj = ring[j + 1]!;
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
