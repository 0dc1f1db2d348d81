// Row counts per seed scale. `district` matches the source document's figures for Huangpu.

export type ScaleName = 'small' | 'district' | 'city';

export type PerDistrictCounts = {
  addresses: number;
  houses: number;
  residents: number;
  healthRecords: number;
  chronicFocus: number;
  enterprises: number;
  socialOrganisations: number;
  partyOrganisations: number;
  partyMembers: number;
  partyStudios: number;
  serviceFacilities: number;
  comprehensiveGridWorkers: number;
  safetyGridWorkers: number;
  securityStaff: number;
};

export type ScaleSpec = {
  districts: number;
  streets: number;
  communities: number;
  communitiesPerStreet: [min: number, max: number];
  grids: number;
  gridsPerCommunity: [min: number, max: number];
  perDistrict: PerDistrictCounts;
};

/** Ages, permit expiries and follow-up dates are relative to this fixed day, so output does not drift. */
export const REFERENCE_DATE = '2025-06-30';
export const DISTRICT_AREA_KM2 = 90.95;

const DISTRICT: ScaleSpec = {
  districts: 1,
  streets: 9,
  communities: 59,
  communitiesPerStreet: [4, 9],
  grids: 293,
  gridsPerCommunity: [2, 10],
  perDistrict: {
    addresses: 46_000,
    houses: 290_000,
    residents: 470_000,
    healthRecords: 380_000,
    chronicFocus: 27_908,
    enterprises: 5_000,
    socialOrganisations: 99,
    partyOrganisations: 625,
    partyMembers: 20_000,
    partyStudios: 120,
    serviceFacilities: 360,
    comprehensiveGridWorkers: 334,
    safetyGridWorkers: 117,
    securityStaff: 1_660,
  },
};

export const SCALES: Record<ScaleName, ScaleSpec> = {
  small: {
    districts: 1,
    streets: 2,
    communities: 6,
    communitiesPerStreet: [3, 3],
    grids: 12,
    gridsPerCommunity: [2, 2],
    perDistrict: {
      addresses: 300,
      houses: 1_500,
      residents: 2_500,
      healthRecords: 2_000,
      chronicFocus: 150,
      enterprises: 40,
      socialOrganisations: 5,
      partyOrganisations: 40,
      partyMembers: 120,
      partyStudios: 4,
      serviceFacilities: 14,
      comprehensiveGridWorkers: 14,
      safetyGridWorkers: 6,
      securityStaff: 36,
    },
  },
  district: DISTRICT,
  city: { ...DISTRICT, districts: 20 },
};

export function isScaleName(value: string): value is ScaleName {
  return value === 'small' || value === 'district' || value === 'city';
}
