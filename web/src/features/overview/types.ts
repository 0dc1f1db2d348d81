import type { MultiPolygon, Polygon } from 'geojson';
import type { GetResponse } from '../../api/types';

type Boundaries = GetResponse<'/api/v1/areas/{code}/boundaries'>;
type GeneratedFeature = Boundaries['features'][number];

/** A boundary; the API declares its geometry loosely, it is always a GeoJSON (Multi)Polygon in WGS84. */
export type BoundaryFeature = Omit<GeneratedFeature, 'geometry'> & { geometry: Polygon | MultiPolygon };

/** RFC 7946 FeatureCollection in WGS84 [lng, lat]. */
export type BoundaryCollection = Omit<Boundaries, 'features'> & { features: BoundaryFeature[] };

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
] as const satisfies readonly (keyof RegistrySummary['counts'])[];
export type SummaryCount = (typeof SUMMARY_COUNTS)[number];

/** Counts are null where the account may not see that resource. */
export type RegistrySummary = GetResponse<'/api/v1/registry/summary'>;
