import type { LocatedRecord } from '../../lib/types';

export const HOUSEHOLD_TYPES = ['registered', 'floating'] as const;
export const SEXES = ['M', 'F'] as const;

export interface Resident extends LocatedRecord {
  houseId: number;
  name: string;
  sex: (typeof SEXES)[number];
  /** YYYY-MM: the full birth date is part of the ID number, so it is not shown. */
  birthMonth: string;
  age: number;
  householdType: (typeof HOUSEHOLD_TYPES)[number];
  permitExpiry: string | null;
  idType: string;
  /** Masked by the server, e.g. 440112************. */
  idNumber: string;
  nationality: string | null;
  /** Masked by the server. */
  phone: string | null;
  ethnicity: string;
  relation: string;
  tags: string[];
}
