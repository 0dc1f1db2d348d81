import type { AreaLevel } from '../../../core/areas/area-code';
import { unprocessable } from '../../lib/errors';
import type { Area, AreaDirectory } from './directory';
import type { AreaNodeOut } from './schemas';

const LEVELS: AreaLevel[] = ['district', 'street', 'community', 'grid'];
const ref = (a: Area) => ({ id: a.id, code: a.code, name: a.name });

export function areaTree(dir: AreaDirectory): { roots: AreaNodeOut[] } {
  const node = (a: Area): AreaNodeOut => ({
    id: a.id,
    code: a.code,
    level: a.level,
    name: a.name,
    children: dir.children(a).map(node),
  });
  return { roots: dir.roots().map(node) };
}

export function areaPath(dir: AreaDirectory, area: Area): Area[] {
  const path: Area[] = [];
  for (let at: Area | null = area; at; at = dir.byIdOrNull(at.parentId)) path.unshift(at);
  return path;
}

export function areaDetail(dir: AreaDirectory, code: string) {
  const area = dir.resolve(code);
  return {
    id: area.id,
    code: area.code,
    level: area.level,
    name: area.name,
    parentCode: dir.byIdOrNull(area.parentId)?.code ?? null,
    centroid: { lat: area.centroidLat, lng: area.centroidLng },
    areaKm2: area.areaKm2,
    path: areaPath(dir, area).map(ref),
  };
}

/** Boundaries of every node of `level` inside the area, as an RFC 7946 FeatureCollection. */
export function boundaries(dir: AreaDirectory, code: string, level: AreaLevel = 'grid') {
  const root = dir.resolve(code);
  if (LEVELS.indexOf(level) < LEVELS.indexOf(root.level)) {
    throw unprocessable(
      'level_above_area',
      `level '${level}' is above the ${root.level} ${code}; choose ${root.level} or a lower level`,
      `层级 ${level} 高于区域 ${code} 的层级`,
      'level',
    );
  }
  return {
    type: 'FeatureCollection' as const,
    features: dir.descendants(root, level).map((a) => ({
      type: 'Feature' as const,
      id: a.code,
      properties: {
        id: a.id,
        code: a.code,
        name: a.name,
        level: a.level,
        parentCode: dir.byIdOrNull(a.parentId)?.code ?? null,
      },
      geometry: a.boundary,
    })),
  };
}

export function locate(dir: AreaDirectory, lat: number, lng: number) {
  const grid = dir.locate(lng, lat);
  if (!grid) {
    throw unprocessable(
      'outside_district',
      `The point (${lat}, ${lng}) is outside the district`,
      `坐标 (${lat}, ${lng}) 不在本区范围内`,
      'lat',
    );
  }
  const [district, street, community] = areaPath(dir, grid);
  if (!district || !street || !community) throw new Error(`grid ${grid.code} is not under a community`);
  return { district: ref(district), street: ref(street), community: ref(community), grid: ref(grid) };
}
