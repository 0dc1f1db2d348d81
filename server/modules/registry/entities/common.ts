import { type TProperties, Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { normaliseSearchText, searchBigrams } from '../../../../core/text/bigrams';
import { execRows } from '../../../db/client';
import { unprocessable } from '../../../lib/errors';
import { MAX_DATE, MAX_ID, MIN_DATE } from '../../../plugins/input-bounds';
import type { Placement } from '../../areas/directory';
import type { Lookup, Row } from '../engine/types';

/**
 * Text as stored: every input string is NFC-normalised and trimmed and refused if it holds control
 * characters (server/plugins/input-normalisation.ts) before this schema sees it, so `minLength: 1` means
 * "at least one character that is not white space".
 */
export const Text = (max: number, description?: string) =>
  Type.String({ minLength: 1, maxLength: max, description });
/** A real calendar date in MIN_DATE..MAX_DATE (the `date` format is bounded in server/plugins/validation.ts). */
export const DateString = (description?: string) =>
  Type.String({
    format: 'date',
    description: [description, `YYYY-MM-DD, ${MIN_DATE}..${MAX_DATE}`].filter(Boolean).join('; '),
  });
export const Lat = Type.Number({ minimum: -90, maximum: 90, description: 'WGS84 latitude' });
export const Lng = Type.Number({ minimum: -180, maximum: 180, description: 'WGS84 longitude' });
/** A reference to a row: ids are PostgreSQL `integer`s. Use for bodies, path parameters and filters alike. */
export const Id = (description?: string) => Type.Integer({ minimum: 1, maximum: MAX_ID, description });
export const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/** Create body (all given fields required as declared) and update body (any subset, plus optional version). */
export function bodies(properties: TProperties, required: string[]) {
  const create: TProperties = {};
  const update: TProperties = {};
  for (const [key, schema] of Object.entries(properties)) {
    create[key] = required.includes(key) ? schema : Type.Optional(schema);
    update[key] = Type.Optional(schema);
  }
  update.version = Type.Optional(
    Type.Integer({ minimum: 1, maximum: MAX_ID, description: 'The version you read; 409 if it changed' }),
  );
  return {
    createBody: Type.Object(create, { additionalProperties: false }),
    updateBody: Type.Object(update, { additionalProperties: false, minProperties: 1 }),
  };
}

/** Fields every record shows (see engine/present.ts). */
export const CommonOutput = {
  id: Type.Integer(),
  districtId: Type.Integer(),
  streetId: Type.Union([Type.Integer(), Type.Null()]),
  communityId: Type.Union([Type.Integer(), Type.Null()]),
  gridId: Type.Union([Type.Integer(), Type.Null()]),
  area: Type.Object({
    street: Type.Union([Type.String(), Type.Null()]),
    community: Type.Union([Type.String(), Type.Null()]),
    grid: Type.Union([Type.String(), Type.Null()]),
    gridCode: Type.Union([Type.String(), Type.Null()]),
  }),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  archivedAt: Type.Union([Type.String(), Type.Null()]),
};

export const placementColumns = (p: Placement) => ({
  districtId: p.districtId,
  streetId: p.streetId,
  communityId: p.communityId,
  gridId: p.gridId,
});

/**
 * The active parent a record hangs from (its placement is copied from it), or a 422 naming the field.
 * Returns the parent's columns too, for rules that need them.
 */
export async function activeParent(
  { tx, ctx }: Lookup,
  table: string,
  id: number,
  field: string,
  label: { en: string; zh: string },
): Promise<Placement & Record<string, unknown>> {
  const rows = await execRows<Record<string, unknown>>(
    tx,
    sql`SELECT * FROM ${sql.identifier(table)} WHERE id = ${id} AND archived_at IS NULL AND ${sql.raw(ctx.scope.rowsSql())} FOR SHARE`,
  );
  const row = rows[0];
  if (!row) {
    throw unprocessable(
      'reference_not_found',
      `${field}: no active ${label.en} with id ${id}`,
      `${field}：不存在编号为 ${id} 的有效${label.zh}`,
      field,
    );
  }
  return {
    ...row,
    districtId: row.district_id as number,
    streetId: row.street_id as number | null,
    communityId: row.community_id as number | null,
    gridId: row.grid_id as number | null,
  };
}

/**
 * Placement columns taken from the address a record stands at: on create, or when the address changes;
 * nothing when an update leaves the address alone.
 */
export async function placementAtAddress(
  lookup: Lookup,
  input: Record<string, unknown>,
  existing: Row | null,
) {
  if (existing && input.addressId === undefined) return {};
  const id = (input.addressId ?? existing?.addressId) as number;
  return placementColumns(
    await activeParent(lookup, 'addresses', id, 'addressId', { en: 'address', zh: '门牌地址' }),
  );
}

/** Substring search that uses the bigram GIN index when the query is long enough to have bigrams. */
export function textSearch(bigramColumn: string, textColumn: string, q: string) {
  const normalised = normaliseSearchText(q);
  // Only punctuation or spaces: nothing to look for, so nothing matches (rather than everything).
  if (normalised === '') return sql`false`;
  const pattern = `%${normalised.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const like = sql`lower(${sql.identifier(textColumn)}) LIKE ${pattern}`;
  if ([...normalised].length < 2) return like;
  const grams = searchBigrams(q);
  return sql`${sql.identifier(bigramColumn)} @> ${sql`ARRAY[${sql.join(
    grams.map((g) => sql`${g}`),
    sql`, `,
  )}]::text[]`} AND ${like}`;
}

/** Case-sensitive prefix search on a C-collated column (uses its btree index). */
export function prefixSearch(column: string, q: string) {
  const pattern = `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`${sql.identifier(column)} LIKE ${pattern}`;
}
