import type { AreaLevel } from '../../../core/areas/area-code';
import { notFound, unprocessable } from '../../lib/errors';
import type { Area, AreaDirectory } from './directory';
import { AREA_LEVELS } from './levels';
import type { AreaNodeOut } from './schemas';
import type { Scope } from './scope';

const ref = (a: Area) => ({ id: a.id, code: a.code, name: a.name });

const visible = (scope: Scope, a: Area) => scope.containsArea(a) || scope.isAncestorOfRoot(a);

/** An area the actor may look at: inside its scope, or on the path down to it; else 404 like a missing one. */
export function resolveVisible(dir: AreaDirectory, scope: Scope, code: string): Area {
  const area = dir.resolve(code);
  if (!visible(scope, area)) throw notFound(`Area ${code}`, `区域 ${code}`);
  return area;
}

/** The tree as far as the actor may see it: its own subtrees and the path from the district down to them. */
export function areaTree(dir: AreaDirectory, scope: Scope): { roots: AreaNodeOut[] } {
  const node = (a: Area): AreaNodeOut => ({
    id: a.id,
    code: a.code,
    level: a.level,
    name: a.name,
    children: dir
      .children(a)
      .filter((c) => visible(scope, c))
      .map(node),
  });
  return {
    roots: dir
      .roots()
      .filter((r) => visible(scope, r))
      .map(node),
  };
}

export function areaPath(dir: AreaDirectory, area: Area): Area[] {
  const path: Area[] = [];
  for (let at: Area | null = area; at; at = dir.byIdOrNull(at.parentId)) path.unshift(at);
  return path;
}

export function areaDetail(dir: AreaDirectory, scope: Scope, code: string) {
  const area = resolveVisible(dir, scope, code);
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
export function boundaries(dir: AreaDirectory, scope: Scope, code: string, level: AreaLevel = 'grid') {
  const root = resolveVisible(dir, scope, code);
  if (AREA_LEVELS.indexOf(level) < AREA_LEVELS.indexOf(root.level)) {
    throw unprocessable(
      'level_above_area',
      `level '${level}' is above the ${root.level} ${code}; choose ${root.level} or a lower level`,
      `层级 ${level} 高于区域 ${code} 的层级`,
      'level',
    );
  }
  return {
    type: 'FeatureCollection' as const,
    features: dir
      .descendants(root, level)
      .filter((a) => visible(scope, a))
      .map((a) => ({
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

export function locate(dir: AreaDirectory, scope: Scope, lat: number, lng: number) {
  const grid = dir.locate(lng, lat);
  if (!grid) {
    throw unprocessable(
      'outside_district',
      `The point (${lat}, ${lng}) is outside the district`,
      `坐标 (${lat}, ${lng}) 不在本区范围内`,
      'lat',
    );
  }
  if (!scope.containsArea(grid)) {
    throw unprocessable(
      'outside_your_area',
      `The point (${lat}, ${lng}) lies outside the area you are responsible for`,
      `坐标 (${lat}, ${lng}) 不在您负责的区域内`,
      'lat',
    );
  }
  const [district, street, community] = areaPath(dir, grid);
  if (!district || !street || !community) throw new Error(`grid ${grid.code} is not under a community`);
  return { district: ref(district), street: ref(street), community: ref(community), grid: ref(grid) };
}
