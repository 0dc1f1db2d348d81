import type { LocatedRecord } from '../../lib/types';

export interface Address extends LocatedRecord {
  road: string;
  houseNumber: string;
  fullText: string;
  lat: number;
  lng: number;
}
