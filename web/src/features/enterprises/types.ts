import type { LocatedRecord } from '../../lib/types';

export const LICENCE_STATUSES = ['licensed', 'unlicensed', 'expired', 'revoked'] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

export interface Enterprise extends LocatedRecord {
  addressId: number;
  address: string;
  name: string;
  uscc: string;
  industry: string;
  hazardousChemicals: boolean;
  licenceStatus: LicenceStatus;
  employees: number;
  legalRepresentative: string;
}
