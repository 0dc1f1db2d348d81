import type { AreaLevel } from '../../../core/areas/area-code';
import { createAreaIndex } from '../../../core/geo/area-index';
import type { MultiPolygonGeometry, PolygonGeometry } from '../../../core/geo/polygon';
import type { Database } from '../../db/client';
import { notFound, unprocessable } from '../../lib/errors';

export interface Area {
  id: number;
  code: string;
  level: AreaLevel;
  name: string;
  parentId: number | null;
  districtId: number;
  streetId: number | null;
  communityId: number | null;
  boundary: PolygonGeometry | MultiPolygonGeometry;
  centroidLat: number;
  centroidLng: number;
  areaKm2: number;
}

/** The located columns every registry row carries. */
export interface Placement {
  districtId: number;
  streetId: number | null;
  communityId: number | null;
  gridId: number | null;
}

/**
 * The area tree held in memory (a few hundred rows per district; thousands for a city) with a packed
 * R-tree over grid polygons. Areas change only through migrations/seeding, so each process loads it once.
 */
export class AreaDirectory {
  private readonly byId = new Map<number, Area>();
  private readonly byCode = new Map<string, Area>();
  private readonly childrenOf = new Map<number | null, Area[]>();
  private readonly gridIndex;

  constructor(readonly areas: Area[]) {
    for (const area of areas) {
      this.byId.set(area.id, area);
      this.byCode.set(area.code, area);
      const siblings = this.childrenOf.get(area.parentId) ?? [];
      siblings.push(area);
      this.childrenOf.set(area.parentId, siblings);
    }
    for (const list of this.childrenOf.values()) list.sort((a, b) => a.code.localeCompare(b.code));
    this.gridIndex = createAreaIndex(areas.filter((a) => a.level === 'grid'));
  }

  static async load(db: Database): Promise<AreaDirectory> {
    const rows = await db.query<Record<string, unknown>>(
      `SELECT id, code, level, name, parent_id, district_id, street_id, community_id, boundary,
              centroid_lat, centroid_lng, area_km2 FROM areas ORDER BY code`,
    );
    return new AreaDirectory(
      rows.map((r) => ({
        id: r.id as number,
        code: r.code as string,
        level: r.level as AreaLevel,
        name: r.name as string,
        parentId: r.parent_id as number | null,
        districtId: r.district_id as number,
        streetId: r.street_id as number | null,
        communityId: r.community_id as number | null,
        boundary: r.boundary as Area['boundary'],
        centroidLat: r.centroid_lat as number,
        centroidLng: r.centroid_lng as number,
        areaKm2: r.area_km2 as number,
      })),
    );
  }

  get size() {
    return this.areas.length;
  }

  roots(): Area[] {
    return this.childrenOf.get(null) ?? [];
  }

  children(area: Area): Area[] {
    return this.childrenOf.get(area.id) ?? [];
  }

  byIdOrNull(id: number | null | undefined): Area | null {
    return id == null ? null : (this.byId.get(id) ?? null);
  }

  /** The area with this code, or a 404 that names it. */
  resolve(code: string): Area {
    const area = this.byCode.get(code);
    if (!area) throw notFound(`Area ${code}`, `区域 ${code}`);
    return area;
  }

  /** Every area of `level` inside `root` (root itself when it is of that level). */
  descendants(root: Area, level: AreaLevel): Area[] {
    if (root.level === level) return [root];
    return this.children(root).flatMap((child) => this.descendants(child, level));
  }

  /** The grid that contains the point, or null outside every grid. */
  locate(lng: number, lat: number): Area | null {
    return this.byIdOrNull(this.gridIndex.locate(lng, lat));
  }

  /** Placement of a point, or a 422 naming the field when it lies outside the district. */
  placePoint(lng: number, lat: number, field = 'lat'): Placement {
    const grid = this.locate(lng, lat);
    if (!grid) {
      throw unprocessable(
        'outside_district',
        `The point (${lat}, ${lng}) lies outside every grid of the district`,
        `坐标 (${lat}, ${lng}) 不在本区任何网格内`,
        field,
      );
    }
    return this.placementOf(grid);
  }

  /** Placement of a record that belongs to an area node itself (down to that node's level). */
  placementOf(area: Area): Placement {
    return {
      districtId: area.districtId,
      streetId: area.level === 'district' ? null : (area.streetId ?? area.id),
      communityId: area.level === 'community' || area.level === 'grid' ? (area.communityId ?? area.id) : null,
      gridId: area.level === 'grid' ? area.id : null,
    };
  }

  /** Names along a record's placement, for presenting it. */
  describe(p: Placement) {
    const grid = this.byIdOrNull(p.gridId);
    return {
      street: this.byIdOrNull(p.streetId)?.name ?? null,
      community: this.byIdOrNull(p.communityId)?.name ?? null,
      grid: grid?.name ?? null,
      gridCode: grid?.code ?? null,
    };
  }
}
