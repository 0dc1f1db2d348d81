// Planar partition helpers for the seed's area tree, in a local km plane (x east, y north).
import { Delaunay } from 'd3-delaunay';
import {
  clipConvex,
  type Position,
  pointInRing,
  type Ring,
  ringBBox,
  ringCentroid,
} from '../../../core/geo/polygon';
import type { Random } from '../../../core/random';

/** Splits a convex ring into `count` convex cells: Voronoi of points inside it, relaxed by Lloyd steps. */
export function split(random: Random, ring: Ring, count: number, lloydSteps: number): Ring[] {
  if (count === 1) return [ring];
  const [minX, minY, maxX, maxY] = ringBBox(ring);
  let seeds: Position[] = [];
  while (seeds.length < count) {
    const p: Position = [minX + random.next() * (maxX - minX), minY + random.next() * (maxY - minY)];
    if (pointInRing(p[0], p[1], ring)) seeds.push(p);
  }
  const cellsOf = (points: Position[]): Ring[] => {
    const voronoi = Delaunay.from(points).voronoi([minX - 1, minY - 1, maxX + 1, maxY + 1]);
    return points.map((_, i) => counterClockwise(clipConvex(voronoi.cellPolygon(i) as Ring, ring)));
  };
  for (let step = 0; step < lloydSteps; step++) seeds = cellsOf(seeds).map(ringCentroid);
  return cellsOf(seeds);
}

export function byWestToEast(rings: Ring[]): Ring[] {
  return rings
    .map((ring) => ({ ring, x: ringCentroid(ring)[0] }))
    .sort((a, b) => a.x - b.x)
    .map((r) => r.ring);
}

function signedPlanarArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++)
    sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum / 2;
}

export const planarArea = (ring: Ring): number => Math.abs(signedPlanarArea(ring));

/** GeoJSON (RFC 7946) wants exterior rings counter-clockwise. */
export function counterClockwise(ring: Ring): Ring {
  if (ring.length === 0) throw new Error('split: empty Voronoi cell');
  return signedPlanarArea(ring) < 0 ? [...ring].reverse() : ring;
}

/** Andrew's monotone chain; returns a closed counter-clockwise ring. */
export function convexHull(points: Position[]): Ring {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: Position, a: Position, b: Position) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: Position[]) => {
    const out: Position[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  const hull = [...half(sorted), ...half([...sorted].reverse())];
  return [...hull, hull[0]!];
}

/** A uniformly random point inside a convex ring (rejection sampling in its bounding box). */
export function randomPointIn(random: Random, ring: Ring): Position {
  const [minX, minY, maxX, maxY] = ringBBox(ring);
  for (;;) {
    const lng = minX + random.next() * (maxX - minX);
    const lat = minY + random.next() * (maxY - minY);
    if (pointInRing(lng, lat, ring)) return [lng, lat];
  }
}
