import type { AnyEntity, RegistryContext, Row } from './types';

/** The fields every registry record shows: identity, placement with area names, lifecycle. */
export function commonFields(row: Row, ctx: RegistryContext) {
  return {
    id: row.id,
    districtId: row.districtId,
    streetId: row.streetId,
    communityId: row.communityId,
    gridId: row.gridId,
    area: ctx.areas.describe(row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt ? row.archivedAt.toISOString() : null,
  };
}

export async function presentPage(def: AnyEntity, ctx: RegistryContext, rows: Row[]) {
  const extra = def.enrich && rows.length > 0 ? await def.enrich(rows, ctx) : new Map<number, unknown>();
  return rows.map((row) => ({ ...commonFields(row, ctx), ...def.present(row, ctx, extra.get(row.id)) }));
}
