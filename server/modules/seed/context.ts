// What the per-table generators of one district share: inputs, id counters, and what earlier tables produced.
import { createRandom, type Random } from '../../../core/random';
import type { PiiAad } from '../../lib/pii';
import { REGISTRY_TABLES, type RegistryTableName } from '../registry';
import { deriveSeed } from './allocate';
import type { PendingPii } from './cipher-pool';
import type { Row } from './csv';
import type { AreaNode, DistrictTree } from './geometry';
import type { ScaleSpec } from './scales';

/** The registry's tables, as its entity definitions declare them. */
export const TABLES = REGISTRY_TABLES;
export type TableName = RegistryTableName;

/** Generators yield rows lazily; a step's rows are consumed before the next step starts. */
export type TableStep = { table: TableName; columns: readonly string[]; rows: Iterable<Row> };

/**
 * Encrypts and hashes personal values for rows: at once (a PiiCipher), or later on worker threads
 * (deferredCipher: the row holds a PendingPii until the loader replaces it).
 */
export type SeedCipher = {
  encrypt(plain: string, aad: PiiAad): Buffer | PendingPii;
  hmac(normalised: string): Buffer | PendingPii;
};

export const LOCATION_COLUMNS = ['district_id', 'street_id', 'community_id', 'grid_id'] as const;

/** A located table's step: rows of id, the four location columns, then the table's own columns. */
export const locatedStep = (table: TableName, own: readonly string[], rows: Iterable<Row>): TableStep => ({
  table,
  columns: ['id', ...LOCATION_COLUMNS, ...own],
  rows,
});

export type AddressSet = {
  firstId: number;
  count: number;
  /** Index into tree.grids, per address. */
  grid: Uint16Array;
  /** Filled by the houses step: commercial units per address (enterprises prefer those addresses). */
  commercial: Uint16Array;
};

export type HouseSet = {
  firstId: number;
  count: number;
  grid: Uint16Array;
  /** 0 own, 1 rented, 2 commercial, 3 vacant. */
  use: Uint8Array;
};

export type ResidentSet = {
  firstId: number;
  count: number;
  grid: Uint16Array;
  age: Uint8Array;
  male: Uint8Array;
  floating: Uint8Array;
};

export type PartySet = {
  /** The branch of each grid, by index into tree.grids. */
  gridBranch: number[];
  /** Further branches and the committee of each community, by index into tree.communities. */
  communityBranches: number[][];
  communityCommittee: number[];
};

export type DistrictContext = {
  spec: ScaleSpec;
  seed: number;
  pii: SeedCipher;
  tree: DistrictTree;
  districtCount: number;
  /** Last id used per table, across districts. */
  ids: Record<TableName, number>;
  /** Community area id → index into tree.communities. */
  communityIndex: Map<number, number>;
  addresses?: AddressSet;
  houses?: HouseSet;
  residents?: ResidentSet;
  party?: PartySet;
  departments?: Map<string, number>;
};

export function createContext(
  spec: ScaleSpec,
  seed: number,
  pii: SeedCipher,
  tree: DistrictTree,
  ids: Record<TableName, number>,
): DistrictContext {
  const communityIndex = new Map(tree.communities.map((c, i) => [c.id, i]));
  return { spec, seed, pii, tree, districtCount: spec.districts, ids, communityIndex };
}

/** An independent random stream per district and concern, so that one generator's changes do not ripple. */
export function streamFor(ctx: DistrictContext, concern: string): Random {
  return createRandom(deriveSeed(ctx.seed, ctx.tree.index, concern));
}

/** district_id, street_id, community_id, grid_id of an area node (nulls below its level). */
export function locationOf(area: AreaNode): [number, number | null, number | null, number | null] {
  return [area.districtId, area.streetId, area.communityId, area.gridId];
}

export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`seed: ${what} must be generated first`);
  return value;
}
