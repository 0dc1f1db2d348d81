import type { Database } from '../../db/client';

/** Which street or community of each district a demo rule narrows to (by the area's place in code order). */
type Where =
  | { level: 'district' }
  | { level: 'street'; nth: number }
  | { level: 'community'; street: number };

/**
 * A handful of demo rules that differ from the catalogue's defaults, as a district centre writes them after a
 * few months of dispatching (e.g. one street sends unlicensed after-school care to education with only the
 * market regulator co-operating).
 */
// biome-ignore format: a table is read by its rows
const DEMO_RULES: readonly [category: string, where: Where, lead: string, co: string[], note: string][] = [
  ['17', { level: 'street', nth: 1 }, 'education', ['industry_commerce'], '本街道托管点多在商铺内，由教育局牵头、市场监管协办'],
  ['05', { level: 'district' }, 'rental_housing', ['construction'], '物业租赁纠纷先由租赁中心调处'],
  ['01', { level: 'community', street: 2 }, 'civil_affairs', ['public_security'], '该社区设有人民调解室'],
  ['12', { level: 'street', nth: 3 }, 'urban_management', ['construction'], '本街道市政设施已移交城管养护'],
];

const AREA = {
  district: 'd.id',
  street: `(SELECT s.id FROM areas s WHERE s.parent_id = d.id AND s.level = 'street' ORDER BY s.code OFFSET $5 LIMIT 1)`,
  community: `(SELECT c.id FROM areas c WHERE c.level = 'community' AND c.parent_id =
      (SELECT s.id FROM areas s WHERE s.parent_id = d.id AND s.level = 'street' ORDER BY s.code OFFSET $5 LIMIT 1)
      ORDER BY c.code LIMIT 1)`,
} as const;

/** Adds the demo rules in every district (again: nothing, the live-rule key keeps one per category and area). */
export async function seedDemoRoutingRules(db: Database): Promise<number> {
  let added = 0;
  for (const [category, where, lead, co, note] of DEMO_RULES) {
    const area = where.level === 'district' ? 'NULL::int' : AREA[where.level];
    const offset =
      where.level === 'street' ? where.nth - 1 : where.level === 'community' ? where.street - 1 : 0;
    const rows = await db.query<{ id: number }>(
      `WITH placed AS (SELECT d.id AS district_id, ${area} AS area_id FROM areas d WHERE d.level = 'district')
       INSERT INTO routing_rules (id, rule_id, district_id, category_code, area_id, lead_department,
                                  co_departments, note, creator)
       SELECT n.id, n.id, p.district_id, $1, p.area_id, $2, $3::text[], $4, 'system:demo'
         FROM placed p, LATERAL (SELECT nextval(pg_get_serial_sequence('routing_rules', 'id'))::int AS id) n
        -- $5 appears here too so that its type is known when the area does not use it.
        WHERE ($5::int >= 0) AND (p.area_id IS NOT NULL OR ${where.level === 'district' ? 'true' : 'false'})
       ON CONFLICT DO NOTHING RETURNING id`,
      [category, lead, co, note, offset],
    );
    added += rows.length;
  }
  return added;
}
