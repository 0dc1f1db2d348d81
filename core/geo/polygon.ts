// Planar polygon helpers on WGS84 [lng, lat] rings, good at district scale. Pure and browser-safe.

export type Position = [lng: number, lat: number];
/** Closed ring, GeoJSON style: the first position is repeated as the last. */
export type Ring = Position[];
export type PolygonGeometry = { type: 'Polygon'; coordinates: Ring[] };
export type MultiPolygonGeometry = { type: 'MultiPolygon'; coordinates: Ring[][] };
export type BBox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

export function ringBBox(ring: Ring): BBox {
  let minLng = Number.POSITIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLng = Number.NEGATIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  for (const [lng, lat] of ring) {
    if (lng < minLng) minLng = lng;
    if (lng > maxLng) maxLng = lng;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  return [minLng, minLat, maxLng, maxLat];
}

/** Even-odd rule; a point exactly on an edge may fall either way. */
export function pointInRing(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Twice the signed planar area in degree units; positive when counter-clockwise. */
function signedArea2(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

/**
 * Area on the sphere of the region bounded by straight edges in (lng, lat): the exact integral of
 * R² cos(lat) dlng dlat via Green's theorem. Unlike a per-ring projection it is additive: polygons that
 * tile a region sum to exactly its area.
 */
export function ringAreaKm2(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [lng1, lat1] = ring[i]!;
    const [lng2, lat2] = ring[i + 1]!;
    const half = ((lat2 - lat1) * RAD) / 2;
    // ∫ sin(lat) dlng along the edge = Δlng · sin(mid-lat) · sinc(Δlat / 2), stable for tiny Δlat.
    const sinc = Math.abs(half) < 1e-8 ? 1 - (half * half) / 6 : Math.sin(half) / half;
    sum += (lng2 - lng1) * RAD * Math.sin(((lat1 + lat2) / 2) * RAD) * sinc;
  }
  return Math.abs(sum) * EARTH_RADIUS_KM * EARTH_RADIUS_KM;
}

/** Area-weighted centroid (planar in degrees); falls back to the vertex mean for degenerate rings. */
export function ringCentroid(ring: Ring): Position {
  const [ox, oy] = ring[0]!;
  let area2 = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    // Relative to the first vertex, so that large absolute coordinates do not cost precision.
    const x1 = ring[i]![0] - ox;
    const y1 = ring[i]![1] - oy;
    const x2 = ring[i + 1]![0] - ox;
    const y2 = ring[i + 1]![1] - oy;
    const cross = x1 * y2 - x2 * y1;
    area2 += cross;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  if (Math.abs(area2) < 1e-18) {
    const n = Math.max(1, ring.length - 1);
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < n; i++) {
      sx += ring[i]![0];
      sy += ring[i]![1];
    }
    return [sx / n, sy / n];
  }
  return [ox + cx / (3 * area2), oy + cy / (3 * area2)];
}

/**
 * Sutherland–Hodgman: the part of `subject` inside `clip`. Both must be convex; either orientation.
 * Returns a closed ring, or [] when they do not overlap.
 */
export function clipConvex(subject: Ring, clip: Ring): Ring {
  const orientation = Math.sign(signedArea2(clip));
  if (orientation === 0 || subject.length < 4) return [];
  let output: Position[] = subject.slice(0, -1);
  for (let e = 0; e < clip.length - 1 && output.length > 0; e++) {
    const [ax, ay] = clip[e]!;
    const [bx, by] = clip[e + 1]!;
    const side = (p: Position) => orientation * ((bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax));
    const input = output;
    output = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i]!;
      const previous = input[(i + input.length - 1) % input.length]!;
      const sc = side(current);
      const sp = side(previous);
      if (sc >= 0) {
        if (sp < 0) output.push(intersect(previous, current, sp, sc));
        output.push(current);
      } else if (sp >= 0) {
        output.push(intersect(previous, current, sp, sc));
      }
    }
  }
  const ring = dedupe(output);
  if (ring.length < 3) return [];
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}

/** Where segment p→q crosses the clip line, given the signed distances of p and q. */
function intersect(p: Position, q: Position, sp: number, sq: number): Position {
  const t = sp / (sp - sq);
  return [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t];
}

function dedupe(points: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && out[0]![0] === out[out.length - 1]![0] && out[0]![1] === out[out.length - 1]![1]) {
    out.pop();
  }
  return out;
}
