// The area tree of one or more districts: convex boundaries split by clipped Voronoi cells, so that
// grids tile their community, communities their street and streets their district, exactly.
import { areaCode } from '../../../core/areas/area-code';
import {
  type PolygonGeometry,
  type Position,
  type Ring,
  ringAreaKm2,
  ringCentroid,
} from '../../../core/geo/polygon';
import { createRandom, type Random } from '../../../core/random';
import { allocate, deriveSeed } from './allocate';
import { byWestToEast, convexHull, planarArea, split } from './partition';
import { DISTRICTS, HUANGPU_STREETS, placeStems } from './place-names';
import { DISTRICT_AREA_KM2, type ScaleSpec } from './scales';

export type AreaLevel = 'district' | 'street' | 'community' | 'grid';

export type AreaNode = {
  id: number;
  code: string;
  level: AreaLevel;
  name: string;
  /** Street or community name without its suffix (茅岗 for 茅岗社区); roads and facilities reuse it. */
  stem: string;
  parentId: number | null;
  districtId: number;
  streetId: number | null;
  communityId: number | null;
  /** A grid's own id; null above grid level. Handy as the grid_id of located rows. */
  gridId: number | null;
  boundary: PolygonGeometry;
  centroidLat: number;
  centroidLng: number;
  areaKm2: number;
};

export type DistrictTree = {
  index: number;
  code: string;
  name: string;
  district: AreaNode;
  streets: AreaNode[];
  communities: AreaNode[];
  grids: AreaNode[];
};

const ORIGIN: Position = [113.45, 23.1];
const KM_PER_DEG_LAT = 111.195;
const KM_PER_DEG_LNG = KM_PER_DEG_LAT * Math.cos((ORIGIN[1] * Math.PI) / 180);
// City layout: districts on a 5-wide lattice, far enough apart (district ≈ 15 × 10 km) not to overlap.
const LATTICE_COLUMNS = 5;
const LATTICE_DX_KM = 19;
const LATTICE_DY_KM = 14;

/** The area trees of all districts of a scale, with ids numbered 1..n in district then level order. */
export function buildAreaTrees(spec: ScaleSpec, seed: number): DistrictTree[] {
  if (spec.districts > DISTRICTS.length)
    throw new Error(`At most ${DISTRICTS.length} districts are supported`);
  const trees: DistrictTree[] = [];
  let nextId = 1;
  for (let index = 0; index < spec.districts; index++) {
    const tree = buildDistrictTree(spec, seed, index, nextId);
    nextId += 1 + tree.streets.length + tree.communities.length + tree.grids.length;
    trees.push(tree);
  }
  return trees;
}

export function buildDistrictTree(
  spec: ScaleSpec,
  seed: number,
  index: number,
  firstId: number,
): DistrictTree {
  const random = createRandom(deriveSeed(seed, 'geometry', index));
  const { code, name } = DISTRICTS[index]!;
  const center: Position = [
    (index % LATTICE_COLUMNS) * LATTICE_DX_KM,
    -Math.floor(index / LATTICE_COLUMNS) * LATTICE_DY_KM,
  ];
  const districtRing = districtPolygon(random, center);

  const streetRings = byWestToEast(split(random, districtRing, spec.streets, 1));
  const communityCounts = allocate(
    spec.communities,
    streetRings.map(planarArea),
    ...spec.communitiesPerStreet,
  );
  const communityRings = streetRings.map((ring, s) =>
    byWestToEast(split(random, ring, communityCounts[s]!, 2)),
  );
  const flatCommunities = communityRings.flat();
  const gridCounts = allocate(spec.grids, flatCommunities.map(planarArea), ...spec.gridsPerCommunity);
  const gridRings = flatCommunities.map((ring, c) => byWestToEast(split(random, ring, gridCounts[c]!, 2)));

  const used = new Set<string>();
  const streetStems =
    index === 0 ? HUANGPU_STREETS.slice(0, spec.streets) : placeStems(random, spec.streets, used);
  for (const stem of streetStems) used.add(stem);
  const communityStems = placeStems(random, spec.communities, used);

  let id = firstId;
  const districtNode = node(
    id++,
    areaCode(code),
    'district',
    name,
    name.replace(/区$/, ''),
    null,
    districtRing,
  );
  districtNode.districtId = districtNode.id;
  const streets: AreaNode[] = [];
  const communities: AreaNode[] = [];
  const grids: AreaNode[] = [];
  streetRings.forEach((ring, s) => {
    const stem = streetStems[s]!;
    const street = node(id++, areaCode(code, s + 1), 'street', `${stem}街道`, stem, districtNode, ring);
    street.streetId = street.id;
    streets.push(street);
  });
  const communityParts: [street: number, community: number][] = [];
  communityRings.forEach((rings, s) => {
    rings.forEach((ring, k) => {
      const stem = communityStems[communityParts.length]!;
      communityParts.push([s + 1, k + 1]);
      const parent = streets[s]!;
      const community = node(
        id++,
        areaCode(code, s + 1, k + 1),
        'community',
        `${stem}社区`,
        stem,
        parent,
        ring,
      );
      community.communityId = community.id;
      communities.push(community);
    });
  });
  gridRings.forEach((rings, ci) => {
    const parent = communities[ci]!;
    const [s, k] = communityParts[ci]!;
    rings.forEach((ring, g) => {
      const grid = node(
        id++,
        areaCode(code, s, k, g + 1),
        'grid',
        `${parent.name}第${g + 1}网格`,
        parent.stem,
        parent,
        ring,
      );
      grid.gridId = grid.id;
      grids.push(grid);
    });
  });
  return { index, code, name, district: districtNode, streets, communities, grids };
}

function node(
  id: number,
  code: string,
  level: AreaLevel,
  name: string,
  stem: string,
  parent: AreaNode | null,
  kmRing: Ring,
): AreaNode {
  const ring = kmRing.map(toLngLat);
  const [centroidLng, centroidLat] = ringCentroid(ring);
  return {
    id,
    code,
    level,
    name,
    stem,
    parentId: parent?.id ?? null,
    districtId: parent?.districtId ?? id,
    streetId: parent?.streetId ?? null,
    communityId: parent?.communityId ?? null,
    gridId: null,
    boundary: { type: 'Polygon', coordinates: [ring] },
    centroidLat,
    centroidLng,
    areaKm2: ringAreaKm2(ring),
  };
}

/** Local km plane (x east, y north) → WGS84. Affine, so convexity and exact tiling carry over. */
function toLngLat([x, y]: Position): Position {
  return [ORIGIN[0] + x / KM_PER_DEG_LNG, ORIGIN[1] + y / KM_PER_DEG_LAT];
}

/** A convex, east-west elongated polygon (the district lies along the Pearl River) of the target area. */
function districtPolygon(random: Random, [cx, cy]: Position): Ring {
  const count = random.int(10, 14);
  const points: Position[] = [];
  for (let j = 0; j < count; j++) {
    const angle = ((j + (random.next() - 0.5) * 0.6) / count) * 2 * Math.PI;
    const radius = 1 + (random.next() - 0.5) * 0.24;
    points.push([1.6 * radius * Math.cos(angle), radius * Math.sin(angle)]);
  }
  const hull = convexHull(points);
  const scaleBy = (ring: Ring, f: number): Ring => ring.map(([x, y]) => [x * f, y * f]);
  let ring = scaleBy(hull, Math.sqrt(DISTRICT_AREA_KM2 / planarArea(hull)));
  // One correction for the spherical area actually stored.
  ring = scaleBy(ring, Math.sqrt(DISTRICT_AREA_KM2 / ringAreaKm2(ring.map(toLngLat))));
  return ring.map(([x, y]) => [x + cx, y + cy]);
}
