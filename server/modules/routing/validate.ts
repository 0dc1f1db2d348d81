import type { Static } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { findCategory } from '../../../core/events/catalogue';
import { execRows, type Orm } from '../../db/client';
import { unprocessable } from '../../lib/errors';
import { districtOf, type RoutingContext } from './context';
import type { RuleBody } from './schemas';

/** The body checked against the catalogue, the area tree and the district's departments: 422 naming the field. */
export async function checked(tx: Orm, ctx: RoutingContext, body: Static<typeof RuleBody>) {
  const category = findCategory(body.categoryCode);
  if (!category || category.retired)
    throw unprocessable(
      'unknown_category',
      `categoryCode: no category ${body.categoryCode} in use in the catalogue`,
      `categoryCode：目录中没有在用的类别 ${body.categoryCode}`,
      'categoryCode',
    );
  const districtId = districtOf(ctx);
  let areaId: number | null = null;
  if (body.area) {
    const area = ctx.areas.areas.find((a) => a.code === body.area);
    if (!area || area.districtId !== districtId || (area.level !== 'street' && area.level !== 'community'))
      throw unprocessable(
        'unknown_area',
        `area: ${body.area} is not a street or community of the district`,
        `area：${body.area} 不是本区的街道或社区`,
        'area',
      );
    areaId = area.id;
  }
  const cooperating = [...new Set(body.cooperating ?? [])];
  if (cooperating.includes(body.lead))
    throw unprocessable(
      'lead_also_cooperating',
      `cooperating: ${body.lead} cannot both lead and co-operate`,
      `cooperating：${body.lead} 不能既主办又协办`,
      'cooperating',
    );
  const codes = [body.lead, ...cooperating];
  const found = await execRows<{ code: string }>(
    tx,
    sql`SELECT code FROM departments WHERE archived_at IS NULL AND district_id = ${districtId}
         AND code IN (${sql.join(
           codes.map((c) => sql`${c}`),
           sql`, `,
         )})`,
  );
  const known = new Set(found.map((d) => d.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) {
    const field = known.has(body.lead) ? 'cooperating' : 'lead';
    throw unprocessable(
      'unknown_department',
      `${field}: no such department in the district: ${unknown.join(', ')}`,
      `${field}：本区没有这些部门：${unknown.join('、')}`,
      field,
    );
  }
  return { districtId, areaId, cooperating };
}
