import { sql } from 'drizzle-orm';
import type { Database, Orm } from '../../../db/client';

/** Each summary metric: the table it counts and which of its active rows. */
export const METRICS: Record<string, { table: string; where?: string }> = {
  addresses: { table: 'addresses' },
  houses: { table: 'houses' },
  residents: { table: 'residents' },
  floatingResidents: { table: 'residents', where: "household_type = 'floating'" },
  healthRecords: { table: 'health_records' },
  chronicFocus: { table: 'health_records', where: 'chronic_focus' },
  enterprises: { table: 'enterprises' },
  socialOrganisations: { table: 'social_organisations' },
  partyOrganisations: { table: 'party_organisations' },
  partyMembers: { table: 'party_members' },
  partyStudios: { table: 'party_studios' },
  serviceFacilities: { table: 'service_facilities' },
  departments: { table: 'departments' },
  staff: { table: 'staff' },
};

const DEEPEST = 'coalesce(grid_id, community_id, street_id, district_id)';

function countSelect(metric: string, filter: string) {
  const m = METRICS[metric]!;
  const where = ['archived_at IS NULL', m.where, filter].filter(Boolean).join(' AND ');
  return `SELECT ${DEEPEST} AS area_id, '${metric}' AS metric, count(*)::int AS n FROM ${m.table} WHERE ${where} GROUP BY 1`;
}

/** Recount every metric everywhere (after a bulk load). */
export async function refreshAllAreaCounts(db: Database): Promise<void> {
  const inserts = Object.keys(METRICS).map(
    (m) => `INSERT INTO area_counts (area_id, metric, n) ${countSelect(m, '')};`,
  );
  await db.script(`DELETE FROM area_counts;\n${inserts.join('\n')}`);
}

/**
 * Recount the metrics of `tables` in the given areas, inside the writing transaction. The advisory locks
 * (taken in id order, so two writers cannot deadlock) make concurrent writers to one area take turns:
 * each counts after the previous one committed, so no update is lost.
 */
export async function recountAreas(tx: Orm, tables: string[], areaIds: number[]): Promise<void> {
  const ids = [...new Set(areaIds)].sort((a, b) => a - b);
  if (ids.length === 0) return;
  for (const id of ids) await tx.execute(sql`SELECT pg_advisory_xact_lock(7211, ${id})`);
  const list = ids.join(',');
  const filter = `(grid_id IN (${list}) OR (grid_id IS NULL AND ${DEEPEST} IN (${list})))`;
  for (const [metric, m] of Object.entries(METRICS)) {
    if (!tables.includes(m.table)) continue;
    await tx.execute(sql.raw(`DELETE FROM area_counts WHERE metric = '${metric}' AND area_id IN (${list})`));
    await tx.execute(sql.raw(`INSERT INTO area_counts (area_id, metric, n) ${countSelect(metric, filter)}`));
  }
}

export function deepestAreaId(p: {
  gridId: number | null;
  communityId: number | null;
  streetId: number | null;
  districtId: number;
}) {
  return p.gridId ?? p.communityId ?? p.streetId ?? p.districtId;
}
