import { sql } from 'drizzle-orm';
import { maskName } from '../../../core/masking';
import type { Database } from '../../db/client';

/**
 * How the audit page names each kind of registry object: a SELECT of (id, name) for the ids given as $1.
 * People's names are masked (张**), as the registry shows them beside other records: an auditor reads the
 * trail, not the registry, and the trail must not become a way round the registry's masking.
 */
const NAMES: Record<string, { select: string; id?: string; personal?: boolean }> = {
  account: { select: 'SELECT id, display_name AS name FROM accounts' },
  address: { select: 'SELECT id, full_text AS name FROM addresses' },
  house: {
    select: `SELECT h.id, a.full_text || ' ' || h.unit AS name
               FROM houses h JOIN addresses a ON a.id = h.address_id`,
    id: 'h.id',
  },
  resident: { select: 'SELECT id, name FROM residents', personal: true },
  health_record: {
    select: 'SELECT h.id, r.name FROM health_records h JOIN residents r ON r.id = h.resident_id',
    id: 'h.id',
    personal: true,
  },
  party_member: {
    select: 'SELECT m.id, r.name FROM party_members m JOIN residents r ON r.id = m.resident_id',
    id: 'm.id',
    personal: true,
  },
  enterprise: { select: 'SELECT id, name FROM enterprises' },
  social_organisation: { select: 'SELECT id, name FROM social_organisations' },
  party_organisation: { select: 'SELECT id, name FROM party_organisations' },
  party_studio: { select: 'SELECT id, name FROM party_studios' },
  service_facility: { select: 'SELECT id, name FROM service_facilities' },
  department: { select: 'SELECT id, name FROM departments' },
  staff: { select: 'SELECT id, name FROM staff', personal: true },
};

const INT = /^[1-9][0-9]{0,9}$/;

/** The names of a page's objects, keyed `type:id`, one query per kind of object on the page. */
export async function objectNames(
  db: Database,
  objects: readonly { objectType: string | null; objectId: string | null }[],
): Promise<Map<string, string>> {
  const idsByType = new Map<string, Set<number>>();
  for (const { objectType, objectId } of objects) {
    if (!objectType || !objectId || !NAMES[objectType] || !INT.test(objectId)) continue;
    const id = Number(objectId);
    if (id > 2147483647) continue;
    idsByType.set(objectType, (idsByType.get(objectType) ?? new Set()).add(id));
  }
  const names = new Map<string, string>();
  await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      const { select, id = 'id', personal } = NAMES[type]!;
      const rows = await db.query<{ id: number; name: string }>(
        sql`${sql.raw(select)} WHERE ${sql.raw(id)} IN ${[...ids]}`,
      );
      for (const row of rows) names.set(`${type}:${row.id}`, personal ? maskName(row.name) : row.name);
    }),
  );
  return names;
}
