import { Type } from '@sinclair/typebox';
import { serviceFacilities } from '../../../db/schema';
import type { EntityDefinition } from '../engine/types';
import { bodies, CommonOutput, Lat, Lng, placementColumns, Text } from './common';
import { containsSearch } from './social-organisations';

export const FacilityKind = Type.Union(
  ['school', 'kindergarten', 'clinic', 'elderly_care', 'community_service_centre'].map((v) =>
    Type.Literal(v),
  ),
  {
    description:
      'school 学校, kindergarten 幼儿园, clinic 卫生服务站, elderly_care 养老机构, community_service_centre 社区服务中心',
  },
);

const fields = {
  name: Text(100, 'e.g. 某某社区卫生服务站'),
  kind: FacilityKind,
  capacity: Type.Integer({
    minimum: 0,
    maximum: 1000000,
    description: 'Places, beds or pupils it can serve',
  }),
  lat: Lat,
  lng: Lng,
};

/** Public service facilities (公共服务设施): schools, clinics, elderly care…; placed in the grid at their point. */
export const serviceFacilityEntity: EntityDefinition = {
  path: 'service-facilities',
  entity: 'service_facility',
  label: { en: 'Service facility', zh: '公共服务设施' },
  table: serviceFacilities,
  ...bodies(fields, ['name', 'kind', 'capacity', 'lat', 'lng']),
  output: Type.Object({
    ...CommonOutput,
    name: Type.String(),
    kind: Type.String(),
    capacity: Type.Integer(),
    lat: Type.Number(),
    lng: Type.Number(),
  }),
  filters: { kind: { schema: FacilityKind, column: 'kind' } },
  sortable: ['name', 'capacity'],
  search: (q) => ({ where: containsSearch('name', q) }),
  async toColumns(input, { ctx }, existing) {
    if (existing && input.lat === undefined && input.lng === undefined) return input;
    const lat = (input.lat ?? existing?.lat) as number;
    const lng = (input.lng ?? existing?.lng) as number;
    return {
      ...input,
      ...placementColumns(ctx.areas.placePoint(lng, lat, input.lat !== undefined ? 'lat' : 'lng')),
    };
  },
  present: (row) => ({
    name: row.name,
    kind: row.kind,
    capacity: row.capacity,
    lat: row.lat,
    lng: row.lng,
  }),
};
