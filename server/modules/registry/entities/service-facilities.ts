import { Type } from '@sinclair/typebox';
import { serviceFacilities } from '../../../db/schema';
import { defineEntity } from '../engine/types';
import { placementColumns } from './areas';
import { bodies, Lat, Lng, OneOf, Output, Text } from './schemas';
import { containsSearch } from './search';

export const FacilityKind = OneOf(
  ['school', 'kindergarten', 'clinic', 'elderly_care', 'community_service_centre'],
  'school 学校, kindergarten 幼儿园, clinic 卫生服务站, elderly_care 养老机构, community_service_centre 社区服务中心',
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
export const serviceFacilityEntity = defineEntity({
  path: 'service-facilities',
  entity: 'service_facility',
  label: { en: 'Service facility', zh: '公共服务设施' },
  plural: 'service facilities',
  table: serviceFacilities,
  ...bodies(fields, ['name', 'kind', 'capacity', 'lat', 'lng']),
  output: Output({
    name: Type.String(),
    kind: Type.String(),
    capacity: Type.Integer(),
    lat: Type.Number(),
    lng: Type.Number(),
  }),
  metrics: { serviceFacilities: {} },
  filters: { kind: { schema: FacilityKind, column: 'kind' } },
  sortable: ['name', 'capacity'],
  search: (q) => ({ where: containsSearch(serviceFacilities.name, q) }),
  async toColumns({ input, existing, after }, { ctx }) {
    if (existing && input.lat === undefined && input.lng === undefined) return input;
    const field = input.lat !== undefined ? 'lat' : 'lng';
    return { ...input, ...placementColumns(ctx.areas.placePoint(after.lng, after.lat, field)) };
  },
  present: (row) => ({
    name: row.name,
    kind: row.kind,
    capacity: row.capacity,
    lat: row.lat,
    lng: row.lng,
  }),
});
