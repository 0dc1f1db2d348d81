import { Type } from '@sinclair/typebox';
import { searchBigrams } from '../../../../core/text/bigrams';
import { addresses } from '../../../db/schema';
import { defineEntity } from '../engine/types';
import { placementColumns } from './areas';
import { bodies, Lat, Lng, Output, Text } from './schemas';
import { textSearch } from './search';

const fields = {
  road: Text(60, 'Road or street name, e.g. 黄埔东路'),
  houseNumber: Text(20, 'Door-plate number on the road, e.g. 23号'),
  lat: Lat,
  lng: Lng,
};

/** Door plates (门牌地址): a road and number with a point; placed in the grid containing the point. */
export const addressEntity = defineEntity({
  path: 'addresses',
  entity: 'address',
  label: { en: 'Address', zh: '门牌地址' },
  plural: 'addresses',
  table: addresses,
  ...bodies(fields, ['road', 'houseNumber', 'lat', 'lng']),
  output: Output({
    road: Type.String(),
    houseNumber: Type.String(),
    fullText: Type.String(),
    lat: Type.Number(),
    lng: Type.Number(),
  }),
  metrics: { addresses: {} },
  filters: { road: { schema: Type.String({ maxLength: 60 }), column: 'road' } },
  sortable: ['road'],
  search: (q) => ({ where: textSearch(addresses.searchBigrams, addresses.fullText, q) }),
  uniqueFields: { addresses_plate_key: 'houseNumber' },
  async toColumns({ input, after }, { ctx }) {
    const placement = ctx.areas.placePoint(after.lng, after.lat);
    const district = ctx.areas.byIdOrNull(placement.districtId)?.name ?? '';
    const street = ctx.areas.byIdOrNull(placement.streetId)?.name ?? '';
    const fullText = `${district}${street}${after.road}${after.houseNumber}`;
    return { ...input, ...placementColumns(placement), fullText, searchBigrams: searchBigrams(fullText) };
  },
  present: (row) => ({
    road: row.road,
    houseNumber: row.houseNumber,
    fullText: row.fullText,
    lat: row.lat,
    lng: row.lng,
  }),
});
