/** Types shared by several features, mirroring the API contract. */
export type AreaLevel = 'district' | 'street' | 'community' | 'grid';

export interface AreaNode {
  id: number;
  code: string;
  level: AreaLevel;
  name: string;
  children: AreaNode[];
}

export interface AreaNames {
  street: string | null;
  community: string | null;
  grid: string | null;
  gridCode: string | null;
}

/** Fields every located registry record carries. */
export interface LocatedRecord {
  id: number;
  districtId: number;
  streetId: number | null;
  communityId: number | null;
  gridId: number | null;
  area: AreaNames;
  version: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface HistoryEntry {
  id: number;
  action: string;
  actor: string;
  source: string;
  changes: unknown;
  at: string;
}

export interface HistoryResponse {
  items: HistoryEntry[];
}

export type RegistryEntity = 'addresses' | 'houses' | 'residents' | 'enterprises';
