import type { Area, AreaDirectory, Placement } from './directory';
import { AREA_TABLE_COLUMN, PLACEMENT_COLUMN } from './levels';

/** The column one level down: a record placed exactly at an area has it NULL. */
const BELOW = { district: 'street_id', street: 'community_id', community: 'grid_id', grid: 'id' } as const;

/**
 * What part of the district an actor may see: the subtrees of its root areas. Turned into a SQL predicate
 * over the located columns (district_id, street_id, community_id, grid_id) that every registry row carries,
 * and applied inside every query. Ids come from our own area tree, never from the request.
 */
export class Scope {
  private constructor(
    readonly roots: readonly Area[],
    private readonly areas: AreaDirectory | null,
  ) {}

  /** No limit: system work (seeding, benchmarks without an actor). */
  static unlimited(): Scope {
    return new Scope([], null);
  }

  static of(roots: readonly Area[], areas: AreaDirectory): Scope {
    return new Scope(roots, areas);
  }

  get isUnlimited(): boolean {
    return this.areas === null;
  }

  private predicate(columns: Record<Area['level'], string>, alias: string): string {
    if (this.isUnlimited) return 'true';
    if (this.roots.length === 0) return 'false';
    const byColumn = new Map<string, number[]>();
    for (const root of this.roots) {
      const column = `${alias}${columns[root.level]}`;
      byColumn.set(column, [...(byColumn.get(column) ?? []), root.id]);
    }
    const parts = [...byColumn].map(([column, ids]) => `${column} IN (${ids.join(',')})`);
    return `(${parts.join(' OR ')})`;
  }

  /** The areas above the roots: their own records (a district's departments, a street's committee) are shared reading. */
  private ancestors(): Area[] {
    const seen = new Map<number, Area>();
    for (const root of this.roots) {
      for (
        let at = this.areas?.byIdOrNull(root.parentId) ?? null;
        at;
        at = this.areas!.byIdOrNull(at.parentId)
      ) {
        if (!this.roots.some((r) => r.id === at!.id)) seen.set(at.id, at);
      }
    }
    return [...seen.values()];
  }

  /**
   * SQL over a registry table's located columns, e.g. `(grid_id IN (12,13))`. For reading, records placed
   * exactly at an area above the roots count too (placed there, not below: `community_id IS NULL AND
   * street_id = 5`); for changing, only the roots' subtrees.
   */
  rowsSql(alias = '', mode: 'read' | 'write' = 'read'): string {
    const a = alias ? `${alias}.` : '';
    const own = this.predicate(PLACEMENT_COLUMN, a);
    if (mode === 'write' || this.isUnlimited) return own;
    const placedAt = this.ancestors().map(
      (area) => `(${a}${PLACEMENT_COLUMN[area.level]} = ${area.id} AND ${a}${BELOW[area.level]} IS NULL)`,
    );
    return placedAt.length ? `(${[own, ...placedAt].join(' OR ')})` : own;
  }

  /** SQL over the areas table (for rollups keyed by area): the roots' subtrees and the areas above them. */
  areasSql(alias: string): string {
    const own = this.predicate(AREA_TABLE_COLUMN, `${alias}.`);
    const above = this.ancestors().map((area) => area.id);
    return above.length ? `(${own} OR ${alias}.id IN (${above.join(',')}))` : own;
  }

  /** May a record with this placement be created or changed by the actor? (Only inside the roots' subtrees.) */
  containsPlacement(p: Placement): boolean {
    if (this.isUnlimited) return true;
    const value = { district: p.districtId, street: p.streetId, community: p.communityId, grid: p.gridId };
    return this.roots.some((root) => value[root.level] === root.id);
  }

  /** Is the area inside one of the roots (itself or a descendant)? */
  containsArea(area: Area): boolean {
    if (this.isUnlimited || !this.areas) return true;
    for (let at: Area | null = area; at; at = this.areas.byIdOrNull(at.parentId)) {
      if (this.roots.some((r) => r.id === at!.id)) return true;
    }
    return false;
  }

  /** Is the area above a root (on the path from the district down to it)? Such areas are shown for context. */
  isAncestorOfRoot(area: Area): boolean {
    if (this.isUnlimited || !this.areas) return false;
    return this.roots.some((root) => {
      for (let at = this.areas!.byIdOrNull(root.parentId); at; at = this.areas!.byIdOrNull(at.parentId)) {
        if (at.id === area.id) return true;
      }
      return false;
    });
  }
}
