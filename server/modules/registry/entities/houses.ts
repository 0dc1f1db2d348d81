import { Type } from '@sinclair/typebox';
import { houses } from '../../../db/schema';
import { defineEntity } from '../engine/types';
import { addressEntity } from './addresses';
import { addressTexts, lookUpAll } from './lookups';
import { bodies, Id, OneOf, Output, Text } from './schemas';
import { prefixSearch } from './search';

export const HouseUse = OneOf(
  ['own', 'rented', 'commercial', 'vacant'],
  'own-occupied 自住, rented 出租, commercial 商用, vacant 空置',
);

const fields = {
  addressId: Id('The door plate the house is behind'),
  unit: Text(40, 'Building, floor and room, e.g. 3栋502房'),
  use: HouseUse,
  floorArea: Type.Number({ exclusiveMinimum: 0, maximum: 100000, description: 'Floor area in m²' }),
};

/** Houses (房屋): dwelling or business units behind a door plate; they sit in the address's grid. */
export const houseEntity = defineEntity({
  path: 'houses',
  entity: 'house',
  label: { en: 'House', zh: '房屋' },
  plural: 'houses',
  table: houses,
  ...bodies(fields, ['addressId', 'unit', 'use', 'floorArea']),
  output: Output({
    addressId: Type.Integer(),
    address: Type.String(),
    unit: Type.String(),
    use: Type.String(),
    floorArea: Type.Number(),
  }),
  placedBy: { parent: addressEntity, field: 'addressId' },
  metrics: { houses: {} },
  filters: {
    use: { schema: HouseUse, column: 'use' },
    addressId: { schema: Id(), column: 'addressId' },
  },
  sortable: ['unit', 'floorArea'],
  search: (q) => ({ where: prefixSearch(houses.unit, q), sort: 'unit' }),
  uniqueFields: { houses_unit_key: 'unit' },
  toColumns: async ({ input }) => input,
  enrich: (rows, ctx) => lookUpAll(rows, ctx, [['address', addressTexts, (r) => r.addressId]]),
  present: (row, _ctx, extra) => ({
    addressId: row.addressId,
    address: extra?.address ?? '',
    unit: row.unit,
    use: row.use,
    floorArea: row.floorArea,
  }),
});
