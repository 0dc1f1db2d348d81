import type { Static, TObject, TSchema } from '@sinclair/typebox';
import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { PersonalField, RegistryResource } from '../../../../core/policy/capabilities';
import type { Database, Orm } from '../../../db/client';
import type { PiiCipher } from '../../../lib/pii';
import type { AreaDirectory, Scope } from '../../areas';
import type { PersonalAccess } from '../../personal-access';
import type { CommonOutput } from '../entities/schemas';

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

/** The columns the engine reads from every registry row, whatever its table. */
export type CommonRow = {
  id: number;
  districtId: number;
  streetId: number | null;
  communityId: number | null;
  gridId: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
};
/** A row as the shared engine sees it: the common columns, the rest by name. */
export type Row = CommonRow & Record<string, unknown>;
export type Input = Record<string, unknown>;

export type RowOf<TTable extends RegistryTable> = TTable['$inferSelect'] & CommonRow;
/** Column values a change writes (property names, not SQL names). */
export type ColumnsOf<TTable extends RegistryTable> = Partial<TTable['$inferInsert']>;
export type ColumnName<TTable extends RegistryTable> = keyof TTable['_']['columns'] & string;
export type UpdateInput<TUpdate extends TObject> = Omit<Static<TUpdate>, 'version'>;

/**
 * A create (no stored row) or an update (the stored row, and what the update leaves it with):
 * `after` answers "what will this field be" without repeating `input.x ?? existing.x`.
 */
export type Change<TRow = Row, TCreate extends TObject = TObject, TUpdate extends TObject = TObject> =
  | { input: Static<TCreate>; existing: null; after: Static<TCreate> }
  | { input: UpdateInput<TUpdate>; existing: TRow; after: TRow & UpdateInput<TUpdate> };

export type Label = { en: string; zh: string };

/**
 * A list filter: a query parameter validated by `schema`, matched on a column (`=`), or by its own
 * predicate when equality is not what it means (a tag among tags, an age range, a date before).
 */
export type FilterDef<TColumn extends string = string> =
  | { schema: TSchema; column: TColumn }
  | { schema: TSchema; where: (value: never, ctx: RegistryContext) => SQL };

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

/** A count kept per area in the rollup; `where` (SQL on the table) narrows which active rows it counts. */
export interface RollupMetric {
  /** Must not depend on placement columns: a move shifts a row's hits to another area unchanged. */
  where?: string;
  /** The list filters that select exactly the rows `where` counts, so such a list's total is exact. */
  filter?: Record<string, unknown>;
}
/** A summary metric: the table it counts and which of its active rows. */
export type Metric = RollupMetric & { table: string };
export type Metrics = Record<string, Metric>;

/**
 * Where a record takes its placement from: the parent definition and the body field that names it.
 * The engine copies the parent's placement on create and when the field changes; when a parent moves,
 * its children move with it; and a parent with active children cannot be archived.
 */
export interface PlacementParent {
  parent: AnyEntity;
  field: string;
}

/**
 * One registry entity, declared: its table, its input and output schemas, where it takes its placement
 * from, what the rollups count, and the few rules that are its own. The engine (list, get, create,
 * update, archive, history) is shared by all; every list the engine, the summary and the seed keep
 * about tables is derived from these declarations (see entities/index.ts).
 */
export interface EntityDefinition<
  TTable extends RegistryTable = RegistryTable,
  TCreate extends TObject = TObject,
  TUpdate extends TObject = TObject,
  TOutput extends TObject = TObject,
  TExtra = unknown,
> {
  /** URL segment and policy resource, e.g. 'health-records'. */
  path: RegistryResource;
  /** Name in history rows and metrics, e.g. 'health_record'. */
  entity: string;
  label: Label;
  /** English plural, as in "still has 3 active houses". */
  plural: string;
  table: TTable;
  createBody: TCreate;
  updateBody: TUpdate;
  output: TOutput;
  /** Placement copied from a parent record; absent when the entity places itself (a point, an area code). */
  placedBy?: PlacementParent & { field: keyof Static<TCreate> & ColumnName<TTable> };
  /** Summary counts kept in the area rollup, by metric name. */
  metrics: Record<string, RollupMetric>;
  filters: Record<string, FilterDef<ColumnName<TTable>>>;
  /** Columns a list may be sorted by (all NOT NULL, so keyset paging is total). */
  sortable: ColumnName<TTable>[];
  /** The predicate for free-text `q`, and the sort that suits it. */
  search?: (q: string, ctx: RegistryContext) => SearchPlan;
  /** Validated input → column values (derived columns, encryption, checks). Placement from `placedBy` is added after. */
  toColumns(change: Change<RowOf<TTable>, TCreate, TUpdate>, lookup: Lookup): Promise<ColumnsOf<TTable>>;
  /** Batched look-ups for a page of rows (e.g. the address text of each house), keyed by row id. */
  enrich?(rows: RowOf<TTable>[], ctx: RegistryContext): Promise<Map<number, TExtra>>;
  /** Row → API shape without the common fields (personal data masked). `extra` is what `enrich` found for it. */
  present(
    row: RowOf<TTable>,
    ctx: RegistryContext,
    extra: TExtra | undefined,
  ): Omit<Static<TOutput>, CommonField>;
  /** Personal fields that may be revealed (each decrypted from its `<field>Enc` column). */
  personalFields?: PersonalField[];
  /** Columns history records as "(hidden)" changes, and columns it leaves out entirely. */
  history?: { hidden?: ColumnName<TTable>[]; omitted?: ColumnName<TTable>[] };
  /** Unique constraint name → the input field it guards. */
  uniqueFields?: Record<string, keyof Static<TCreate> & string>;
  /** Active rows elsewhere that block archiving this one, beyond the children placed through it. */
  dependents?: Dependent[];
}

/** Active rows of `table` whose `column` points at a record block its archiving. */
export interface Dependent {
  table: string;
  column: string;
  label: Label;
}

/** The fields every record shows (engine/present.ts), left out of `present`. */
export type CommonField = keyof typeof CommonOutput;

/** Any entity, as the shared engine handles it. */
export type AnyEntity = EntityDefinition;

/** Infers an entity's path, table, bodies, output and enrichment types from its declaration. */
export function defineEntity<
  const TPath extends RegistryResource,
  TTable extends RegistryTable,
  TCreate extends TObject,
  TUpdate extends TObject,
  TOutput extends TObject,
  TExtra = never,
>(def: EntityDefinition<TTable, TCreate, TUpdate, TOutput, TExtra> & { path: TPath }) {
  return def;
}
