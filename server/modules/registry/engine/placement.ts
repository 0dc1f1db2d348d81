import { sql } from 'drizzle-orm';
import { execRows, type Orm } from '../../../db/client';
import type { Placement } from '../../areas';
import { PLACED_CHILDREN } from '../entities';
import { contributions, type Delta, difference } from './rollups';

/**
 * When a record moves to another grid, every record placed through it moves too, down the chain
 * (address → houses → residents → health records), in the same transaction. Returns what the moved rows
 * change in area_counts (counted per area and metric before and after each table's move), to apply with
 * the parent's own delta.
 */
export async function movePlacementChildren(table: string, tx: Orm, ids: number[], to: Placement) {
  const deltas: Delta[] = [];
  const walk = async (table: string, parentIds: number[]) => {
    for (const child of PLACED_CHILDREN.get(table) ?? []) {
      const ofParents = sql`${sql.identifier(child.column)} IN ${sql`(${sql.join(
        parentIds.map((id) => sql`${id}`),
        sql`, `,
      )})`}`;
      // Locked first, so that the count before sees any concurrent change to them already committed.
      await tx.execute(sql`SELECT 1 FROM ${sql.identifier(child.table)} WHERE ${ofParents} FOR UPDATE`);
      const before = await contributions(tx, child.table, child.column, parentIds);
      const moved = await execRows<{ id: number }>(
        tx,
        sql`
          UPDATE ${sql.identifier(child.table)}
          SET district_id = ${to.districtId}, street_id = ${to.streetId},
              community_id = ${to.communityId}, grid_id = ${to.gridId}
          WHERE ${ofParents}
          RETURNING id`,
      );
      if (moved.length === 0) continue;
      deltas.push(...difference(before, await contributions(tx, child.table, child.column, parentIds)));
      await walk(
        child.table,
        moved.map((r) => r.id),
      );
    }
  };
  await walk(table, ids);
  return deltas;
}
