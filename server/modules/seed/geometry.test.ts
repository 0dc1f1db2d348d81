import { describe, expect, it } from 'vitest';
import { parentAreaCode } from '../../../core/areas/area-code';
import { pointInRing, ringBBox } from '../../../core/geo/polygon';
import { createRandom } from '../../../core/random';
import { type AreaNode, buildAreaTrees } from './geometry';
import { SCALES } from './scales';

const ringOf = (a: AreaNode) => a.boundary.coordinates[0]!;
const contains = (a: AreaNode, lng: number, lat: number) => pointInRing(lng, lat, ringOf(a));
const totalArea = (list: AreaNode[]) => list.reduce((s, a) => s + a.areaKm2, 0);

describe('district area tree', () => {
  const [tree] = buildAreaTrees(SCALES.district, 1);
  const { district, streets, communities, grids } = tree!;
  const all = [district, ...streets, ...communities, ...grids];
  const byId = new Map(all.map((a) => [a.id, a]));

  it('has the source document shape: 9 streets, 59 communities, 293 grids over 90.95 km²', () => {
    expect(streets.map((s) => s.name)).toEqual(
      ['黄埔', '红山', '鱼珠', '大沙', '文冲', '穗东', '南岗', '长洲', '夏港'].map((n) => `${n}街道`),
    );
    expect(communities).toHaveLength(59);
    expect(grids).toHaveLength(293);
    expect(district.code).toBe('440112000000000');
    expect(district.areaKm2).toBeCloseTo(90.95, 2);
    expect(district.centroidLat).toBeCloseTo(23.1, 1);
    expect(district.centroidLng).toBeCloseTo(113.45, 1);
    for (const street of streets) {
      const n = communities.filter((c) => c.parentId === street.id).length;
      expect(n).toBeGreaterThanOrEqual(4);
      expect(n).toBeLessThanOrEqual(9);
    }
  });

  it('numbers ids 1..n and keeps codes, parents and level ids consistent', () => {
    expect(all.map((a) => a.id)).toEqual(all.map((_, i) => i + 1));
    expect(new Set(all.map((a) => a.code)).size).toBe(all.length);
    for (const area of all.slice(1)) {
      const parent = byId.get(area.parentId!)!;
      expect(parentAreaCode(area.code)).toBe(parent.code);
      expect(area.districtId).toBe(district.id);
    }
    for (const grid of grids) {
      const community = byId.get(grid.parentId!)!;
      expect(grid.communityId).toBe(community.id);
      expect(grid.streetId).toBe(community.parentId);
      expect(grid.name).toMatch(new RegExp(`^${community.name}第\\d+网格$`));
    }
    for (const s of streets) expect(s.streetId).toBe(s.id);
    for (const c of communities) expect(c.communityId).toBe(c.id);
  });

  it('tiles: the areas of each level sum to the district area within 0.1%', () => {
    for (const level of [streets, communities, grids]) {
      expect(Math.abs(totalArea(level) / district.areaKm2 - 1)).toBeLessThan(0.001);
    }
  });

  it('puts every point of the district in exactly one grid, nested in its community and street', () => {
    const random = createRandom(99);
    const [minX, minY, maxX, maxY] = ringBBox(ringOf(district));
    const boxes = grids.map((g) => ringBBox(ringOf(g)));
    const inBox = (i: number, lng: number, lat: number) => {
      const [x0, y0, x1, y1] = boxes[i]!;
      return lng >= x0 && lng <= x1 && lat >= y0 && lat <= y1;
    };
    let inside = 0;
    for (let i = 0; i < 20_000; i++) {
      const lng = minX + random.next() * (maxX - minX);
      const lat = minY + random.next() * (maxY - minY);
      const hits = grids.filter((g, k) => inBox(k, lng, lat) && contains(g, lng, lat));
      if (!contains(district, lng, lat)) {
        expect(hits).toHaveLength(0);
        continue;
      }
      inside++;
      expect(hits).toHaveLength(1);
      const community = byId.get(hits[0]!.communityId!)!;
      expect(contains(community, lng, lat)).toBe(true);
      expect(contains(byId.get(hits[0]!.streetId!)!, lng, lat)).toBe(true);
    }
    expect(inside).toBeGreaterThan(10_000);
  });

  it("places each grid's centroid inside its community and street", () => {
    for (const grid of grids) {
      expect(contains(grid, grid.centroidLng, grid.centroidLat)).toBe(true);
      expect(contains(byId.get(grid.communityId!)!, grid.centroidLng, grid.centroidLat)).toBe(true);
      expect(contains(byId.get(grid.streetId!)!, grid.centroidLng, grid.centroidLat)).toBe(true);
    }
  });

  it('is deterministic per seed', () => {
    const [again] = buildAreaTrees(SCALES.district, 1);
    const [other] = buildAreaTrees(SCALES.district, 2);
    expect(again!.grids[5]).toEqual(grids[5]);
    expect(other!.grids[5]!.boundary).not.toEqual(grids[5]!.boundary);
  });
});

describe('small and city trees', () => {
  it('small: 2 streets × 3 communities × 2 grids', () => {
    const [tree] = buildAreaTrees(SCALES.small, 1);
    expect(tree!.streets).toHaveLength(2);
    expect(tree!.communities).toHaveLength(6);
    expect(tree!.grids).toHaveLength(12);
    for (const c of tree!.communities) expect(tree!.grids.filter((g) => g.parentId === c.id)).toHaveLength(2);
  });

  it('city: 20 districts with distinct codes that do not overlap', () => {
    const trees = buildAreaTrees(SCALES.city, 1);
    expect(trees).toHaveLength(20);
    expect(new Set(trees.map((t) => t.code)).size).toBe(20);
    expect(trees.at(-1)!.grids.at(-1)!.id).toBe(20 * 362);
    const boxes = trees.map((t) => ringBBox(ringOf(t.district)));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
        expect(overlap).toBe(false);
      }
    }
  });
});
