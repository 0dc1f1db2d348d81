import { eq, inArray } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { maskName } from '../../../../core/masking';
import { addresses, houses, partyOrganisations, residents } from '../../../db/schema';
import type { RegistryContext, RegistryTable } from '../engine/types';

/** One column of the rows with these ids, keyed by id (a batched look-up for `enrich`). */
async function valuesById<TValue>(
  ctx: RegistryContext,
  table: RegistryTable,
  column: AnyPgColumn<{ data: TValue }>,
  ids: (number | null)[],
): Promise<Map<number, TValue>> {
  const unique = [...new Set(ids.filter((id) => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await ctx.db.orm
    .select({ id: table.id, value: column })
    .from(table)
    .where(inArray(table.id, unique));
  // `id` is an integer primary key and `value` is `column`: the types Drizzle loses on a generic table.
  return new Map(rows.map((r) => [r.id as number, r.value as TValue]));
}

/** Texts of referenced records, by id: what `enrich` shows beside a foreign key. */
type Fetch = (ctx: RegistryContext, ids: (number | null)[]) => Promise<Map<number, string>>;

export const addressTexts: Fetch = (ctx, ids) => valuesById(ctx, addresses, addresses.fullText, ids);
export const partyOrganisationNames: Fetch = (ctx, ids) =>
  valuesById(ctx, partyOrganisations, partyOrganisations.name, ids);
/** Door plate and unit of the houses with these ids: "黄埔区黄埔街道黄埔东路23号 3栋502房". */
export const houseLabels: Fetch = async (ctx, ids) => {
  const unique = [...new Set(ids.filter((id) => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await ctx.db.orm
    .select({ id: houses.id, address: addresses.fullText, unit: houses.unit })
    .from(houses)
    .innerJoin(addresses, eq(addresses.id, houses.addressId))
    .where(inArray(houses.id, unique));
  return new Map(rows.map((r) => [r.id, `${r.address} ${r.unit}`]));
};
/** Masked names of the residents with these ids. */
export const residentNames: Fetch = async (ctx, ids) => {
  const names = await valuesById(ctx, residents, residents.name, ids);
  return new Map([...names].map(([id, name]) => [id, maskName(name)]));
};

/**
 * `enrich` for a page of rows: each named field is looked up by the id a row holds, one query per field
 * for the whole page. Rows whose reference is missing get no value for it.
 */
export async function lookUpAll<TRow extends { id: number }, K extends string>(
  rows: TRow[],
  ctx: RegistryContext,
  fields: readonly (readonly [name: K, fetch: Fetch, key: (row: TRow) => number | null])[],
): Promise<Map<number, Partial<Record<K, string>>>> {
  const found = await Promise.all(fields.map(([, fetch, key]) => fetch(ctx, rows.map(key))));
  return new Map(
    rows.map((row) => {
      const values: Partial<Record<K, string>> = {};
      fields.forEach(([name, , key], i) => {
        const id = key(row);
        const value = id === null ? undefined : found[i]?.get(id);
        if (value !== undefined) values[name] = value;
      });
      return [row.id, values];
    }),
  );
}
