import type { Area, AreaDirectory } from '../areas';
import type { Actor } from '../auth';

/**
 * Which accounts an administrator manages: those whose areas all lie inside its own scope (its area
 * subtrees). Accounts without an area (department staff, auditors) belong to the whole district, so only
 * an administrator whose scope covers the district reaches them. Written over the actor's Scope, so a
 * street-level administrator (a role not given today) would reach its street's accounts and no others.
 */
export class Reach {
  private constructor(
    readonly areaIds: readonly number[],
    readonly districtWide: boolean,
    private readonly actor: Actor,
  ) {}

  static of(actor: Actor, areas: AreaDirectory): Reach {
    const inside = areas.areas.filter((a) => actor.scope.containsArea(a));
    const districtWide = areas.roots().every((root) => actor.scope.containsArea(root));
    return new Reach(
      inside.map((a) => a.id),
      districtWide,
      actor,
    );
  }

  /** SQL over `accounts` (alias a): ids are from our own area tree, never from the request. */
  sql(alias = 'a'): string {
    const ids = `'{${this.areaIds.join(',')}}'::int[]`;
    const arealess = this.districtWide ? 'true' : 'false';
    return `(${alias}.area_ids <@ ${ids} AND (cardinality(${alias}.area_ids) > 0 OR ${arealess}))`;
  }

  /** May an account be placed at this area by this administrator? */
  containsArea(area: Area): boolean {
    return this.actor.scope.containsArea(area);
  }
}
