import type { LocatedRecord } from '../../lib/types';

export const HOUSE_USES = ['own', 'rented', 'commercial', 'vacant'] as const;
export type HouseUse = (typeof HOUSE_USES)[number];

export interface House extends LocatedRecord {
  addressId: number;
  /** The address's full text. */
  address: string;
  unit: string;
  use: HouseUse;
  floorArea: number;
}
