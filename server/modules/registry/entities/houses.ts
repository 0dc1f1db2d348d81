import { Type } from '@sinclair/typebox';
import { inArray } from 'drizzle-orm';
import { addresses, houses } from '../../../db/schema';
import type { EntityDefinition } from '../engine/types';
import { bodies, CommonOutput, Id, placementAtAddress, prefixSearch, Text } from './common';

export const HouseUse = Type.Union(
  ['own', 'rented', 'commercial', 'vacant'].map((v) => Type.Literal(v)),
  {
    description: 'own-occupied 自住, rented 出租, commercial 商用, vacant 空置',
  },
);

const fields = {
  addressId: Id('The door plate the house is behind'),
  unit: Text(40, 'Building, floor and room, e.g. 3栋502房'),
  use: HouseUse,
  floorArea: Type.Number({ exclusiveMinimum: 0, maximum: 100000, description: 'Floor area in m²' }),
};

/** Houses (房屋): dwelling or business units behind a door plate; they sit in the address's grid. */
export const houseEntity: EntityDefinition = {
  path: 'houses',
  entity: 'house',
  label: { en: 'House', zh: '房屋' },
  table: houses,
  ...bodies(fields, ['addressId', 'unit', 'use', 'floorArea']),
  output: Type.Object({
    ...CommonOutput,
    addressId: Type.Integer(),
    address: Type.String(),
    unit: Type.String(),
    use: Type.String(),
    floorArea: Type.Number(),
  }),
  filters: {
    use: { schema: HouseUse, column: 'use' },
    addressId: { schema: Id(), column: 'addressId' },
  },
  sortable: ['unit', 'floorArea'],
  search: (q) => ({ where: prefixSearch('unit', q), sort: 'unit' }),
  uniqueFields: { houses_unit_key: 'unit' },
  dependents: [{ table: 'residents', column: 'house_id', label: { en: 'residents', zh: '居民' } }],
  async toColumns(input, lookup, existing) {
    return { ...input, ...(await placementAtAddress(lookup, input, existing)) };
  },
  async enrich(rows, ctx) {
    const ids = [...new Set(rows.map((r) => r.addressId as number))];
    const found = await ctx.db.orm
      .select({ id: addresses.id, fullText: addresses.fullText })
      .from(addresses)
      .where(inArray(addresses.id, ids));
    const text = new Map(found.map((a) => [a.id, a.fullText]));
    return new Map(rows.map((r) => [r.id, { address: text.get(r.addressId as number) ?? '' }]));
  },
  present: (row, _ctx, extra) => ({
    addressId: row.addressId,
    address: extra.get(row.id)?.address ?? '',
    unit: row.unit,
    use: row.use,
    floorArea: row.floorArea,
  }),
};
