import { Type } from '@sinclair/typebox';
import { searchBigrams } from '../../../../core/text/bigrams';
import { addresses } from '../../../db/schema';
import type { EntityDefinition, Row } from '../engine/types';
import { bodies, CommonOutput, Lat, Lng, placementColumns, Text, textSearch } from './common';

const fields = {
  road: Text(60, 'Road or street name, e.g. 黄埔东路'),
  houseNumber: Text(20, 'Door-plate number on the road, e.g. 23号'),
  lat: Lat,
  lng: Lng,
};

/** Door plates (门牌地址): a road and number with a point; placed in the grid containing the point. */
export const addressEntity: EntityDefinition = {
  path: 'addresses',
  entity: 'address',
  label: { en: 'Address', zh: '门牌地址' },
  table: addresses,
  ...bodies(fields, ['road', 'houseNumber', 'lat', 'lng']),
  output: Type.Object({
    ...CommonOutput,
    road: Type.String(),
    houseNumber: Type.String(),
    fullText: Type.String(),
    lat: Type.Number(),
    lng: Type.Number(),
  }),
  filters: { road: { schema: Type.String({ maxLength: 60 }), column: 'road' } },
  sortable: ['road'],
  search: (q) => ({ where: textSearch('search_bigrams', 'full_text', q) }),
  uniqueFields: { addresses_plate_key: 'houseNumber' },
  dependents: [
    { table: 'houses', column: 'address_id', label: { en: 'houses', zh: '房屋' } },
    { table: 'enterprises', column: 'address_id', label: { en: 'enterprises', zh: '企业' } },
    {
      table: 'social_organisations',
      column: 'address_id',
      label: { en: 'social organisations', zh: '社会组织' },
    },
    { table: 'party_studios', column: 'address_id', label: { en: 'party-member studios', zh: '党员工作室' } },
  ],
  async toColumns(input, { ctx }, existing) {
    const merged = { ...(existing ?? {}), ...input } as Row & typeof input;
    const lat = merged.lat as number;
    const lng = merged.lng as number;
    const placement = ctx.areas.placePoint(lng, lat);
    const district = ctx.areas.byIdOrNull(placement.districtId)!;
    const street = ctx.areas.byIdOrNull(placement.streetId);
    const fullText = `${district.name}${street?.name ?? ''}${merged.road as string}${merged.houseNumber as string}`;
    return {
      ...input,
      ...placementColumns(placement),
      fullText,
      searchBigrams: searchBigrams(fullText),
    };
  },
  present: (row) => ({
    road: row.road,
    houseNumber: row.houseNumber,
    fullText: row.fullText,
    lat: row.lat,
    lng: row.lng,
  }),
};
