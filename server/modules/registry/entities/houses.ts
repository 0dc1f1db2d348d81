import { Type } from '@sinclair/typebox';
import { houses } from '../../../db/schema';
import { defineEntity } from '../engine/types';
import { atDoorPlate } from './at-door-plate';
import { houseSearch } from './house-search';
import { bodies, Id, OneOf, Output, Text } from './schemas';

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
    ...atDoorPlate.output,
    unit: Type.String(),
    use: Type.String(),
    floorArea: Type.Number(),
  }),
  placedBy: atDoorPlate.placedBy,
  metrics: { houses: {} },
  filters: {
    use: { schema: HouseUse, column: 'use' },
    ...atDoorPlate.filter,
  },
  sortable: ['unit', 'floorArea'],
  search: houseSearch,
  uniqueFields: { houses_unit_key: 'unit' },
  toColumns: async ({ input }) => input,
  enrich: atDoorPlate.enrich,
  present: (row, _ctx, extra) => ({
    ...atDoorPlate.present(row, extra),
    unit: row.unit,
    use: row.use,
    floorArea: row.floorArea,
  }),
});
