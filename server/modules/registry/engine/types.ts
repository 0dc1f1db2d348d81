import type { TObject, TSchema } from '@sinclair/typebox';
import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { PersonalField } from '../../../../core/policy/capabilities';
import type { Database, Orm } from '../../../db/client';
import type { PiiCipher } from '../../../lib/pii';
import type { AreaDirectory, Placement, Scope } from '../../areas';
import type { PersonalAccess } from '../../personal-access';

export type Row = Record<string, unknown> &
  Placement & { id: number; version: number; archivedAt: Date | null };
export type Input = Record<string, unknown>;

/** What every registry operation needs: the database, the area tree, the cipher and who acts. */
export interface RegistryContext {
  db: Database;
  areas: AreaDirectory;
  pii: PiiCipher;
  actor: string;
  actorId: number | null;
  requestId: string | null;
  /** The part of the district the actor may see; applied inside every query. */
  scope: Scope;
  /** Source system of a change: 'api' unless an integration names itself. */
  source: string;
  /** Keeps reads of personal records on record; limits exact identity searches. */
  access: PersonalAccess;
}

/** A registry table with the located and lifecycle columns every entity shares. */
export type RegistryTable = PgTable & {
  id: AnyPgColumn;
  districtId: AnyPgColumn;
  streetId: AnyPgColumn;
  communityId: AnyPgColumn;
  gridId: AnyPgColumn;
  version: AnyPgColumn;
  updatedAt: AnyPgColumn;
  archivedAt: AnyPgColumn;
};

export interface FilterDef {
  schema: TSchema;
  column: string;
}

/** How a free-text `q` is looked up; `identity` marks an exact ID-number or phone match (limited and on record). */
export interface SearchPlan {
  where: SQL;
  sort?: string;
  identity?: PersonalField;
}

export interface Lookup {
  tx: Orm;
  ctx: RegistryContext;
  /** The row's id, drawn before the insert on create: encrypted values are bound to it. */
  rowId: number;
}

/**
 * One registry entity, declared: its table, its input and output schemas, and the few rules that are
 * its own. The engine (list, get, create, update, archive, history) is shared by all.
 */
export interface EntityDefinition {
  /** URL segment, e.g. 'health-records'. */
  path: string;
  /** Name in history rows and metrics, e.g. 'health_record'. */
  entity: string;
  label: { en: string; zh: string };
  table: RegistryTable;
  createBody: TObject;
  updateBody: TObject;
  output: TObject;
  filters: Record<string, FilterDef>;
  /** Columns a list may be sorted by (all NOT NULL, so keyset paging is total). */
  sortable: string[];
  /** The predicate for free-text `q`, and the sort that suits it. */
  search?: (q: string, ctx: RegistryContext) => SearchPlan;
  /** Validated input → column values (placement, encryption, derived columns). `existing` on update. */
  toColumns(input: Input, lookup: Lookup, existing: Row | null): Promise<Record<string, unknown>>;
  /** Row → API shape (personal data masked). `extra` is what `enrich` fetched for the page. */
  present(
    row: Row,
    ctx: RegistryContext,
    extra: Map<number, Record<string, unknown>>,
  ): Record<string, unknown>;
  /** Batched look-ups for a page of rows (e.g. the address text of each house), keyed by row id. */
  enrich?(rows: Row[], ctx: RegistryContext): Promise<Map<number, Record<string, unknown>>>;
  /** Personal fields that may be revealed (each decrypted from its `<field>Enc` column). */
  personalFields?: PersonalField[];
  /** Columns history records as "(hidden)" changes, and columns it leaves out entirely. */
  history?: { hidden?: string[]; omitted?: string[] };
  /** Unique constraint name → the input field it guards. */
  uniqueFields?: Record<string, string>;
  /** Active rows elsewhere that block archiving this one. */
  dependents?: { table: string; column: string; label: { en: string; zh: string } }[];
}
