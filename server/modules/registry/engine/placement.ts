import { sql } from 'drizzle-orm';
import { execRows, type Orm } from '../../../db/client';
import type { Placement } from '../../areas/directory';

/** Where each table's rows take their placement from (child table → parent key column). */
const CHILDREN: Record<string, { table: string; column: string }[]> = {
  addresses: [
    { table: 'houses', column: 'address_id' },
    { table: 'enterprises', column: 'address_id' },
    { table: 'social_organisations', column: 'address_id' },
    { table: 'party_studios', column: 'address_id' },
  ],
  houses: [{ table: 'residents', column: 'house_id' }],
  residents: [
    { table: 'health_records', column: 'resident_id' },
    { table: 'party_members', column: 'resident_id' },
  ],
};

/**
 * When a record moves to another grid, every record placed through it moves too, down the chain
 * (address → houses → residents → health records), in the same transaction. Returns the tables touched.
 */
export async function movePlacementChildren(table: string, tx: Orm, ids: number[], to: Placement) {
  const touched: string[] = [];
  const walk = async (table: string, parentIds: number[]) => {
    for (const child of CHILDREN[table] ?? []) {
      const moved = await execRows<{ id: number }>(
        tx,
        sql`
          UPDATE ${sql.identifier(child.table)}
          SET district_id = ${to.districtId}, street_id = ${to.streetId},
              community_id = ${to.communityId}, grid_id = ${to.gridId}
          WHERE ${sql.identifier(child.column)} IN ${sql`(${sql.join(
            parentIds.map((id) => sql`${id}`),
            sql`, `,
          )})`}
          RETURNING id`,
      );
      if (moved.length === 0) continue;
      touched.push(child.table);
      await walk(
        child.table,
        moved.map((r) => r.id),
      );
    }
  };
  await walk(table, ids);
  return touched;
}
