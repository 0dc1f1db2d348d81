/** Types shared by several parts of the web app: names for the generated API contract (api/schema.d.ts). */
import type { components, RegistryRecord } from '../api/types';

export type { HistoryEntry, HistoryResponse } from '../api/types';
export type { Page } from './registry-api';

export type AreaNode = components['schemas']['AreaNode'];
export type AreaLevel = AreaNode['level'];

type Address = RegistryRecord<'addresses'>;
/** Fields every located registry record carries. */
export type LocatedRecord = Pick<
  Address,
  | 'id'
  | 'districtId'
  | 'streetId'
  | 'communityId'
  | 'gridId'
  | 'area'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'archivedAt'
>;
export type AreaNames = LocatedRecord['area'];
