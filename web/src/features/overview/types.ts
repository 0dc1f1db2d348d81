import type { AreaLevel } from '../../lib/types';

export interface BoundaryProperties {
  id: number;
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
}

export interface BoundaryFeature {
  type: 'Feature';
  properties: BoundaryProperties;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

/** RFC 7946 FeatureCollection in WGS84 [lng, lat]. */
export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

export const SUMMARY_COUNTS = [
  'streets',
  'communities',
  'grids',
  'addresses',
  'houses',
  'residents',
  'floatingResidents',
  'enterprises',
  'socialOrganisations',
  'partyOrganisations',
  'partyMembers',
  'partyStudios',
  'healthRecords',
  'chronicFocus',
  'serviceFacilities',
  'departments',
  'staff',
] as const;
export type SummaryCount = (typeof SUMMARY_COUNTS)[number];

export interface RegistrySummary {
  area: { code: string; name: string; level: AreaLevel };
  counts: Record<SummaryCount, number>;
}
