import { and, asc, between, desc, eq, getTableColumns, isNull, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { invalidField } from '../../../lib/errors';
import { type CursorValueKind, decodeCursor, encodeCursor } from '../../../lib/keyset-cursor';
import { type Area, PLACEMENT_KEY } from '../../areas';
import type { ReadKind } from '../../personal-access';
import { listTotal } from './list-total';
import { presentPage } from './present';
import { scopePredicate } from './read';
import type { EntityDefinition, RegistryContext, Row } from './types';

export interface ListQuery {
  area?: string;
  /** An area inside `area` (e.g. one grid of the selected community). */
  within?: string;
  q?: string;
  limit?: number;
  cursor?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  includeArchived?: boolean;
  [filter: string]: unknown;
}

/** The scope predicate: rows inside the area's subtree, read from the located columns alone. */
export function areaColumn(def: EntityDefinition, ctx: RegistryContext, code: string) {
  const area = ctx.areas.resolve(code);
  return { column: def.table[PLACEMENT_KEY[area.level]], id: area.id, level: area.level, area };
}

/** What a list selects, before paging: its predicates, order and the key its cursors are sealed to. */
export interface ListPlan {
  where: SQL[];
  sortKey: string;
  descending: boolean;
  readKind: ReadKind;
  /** The area whose (area, id) index orders the rows, when one is selected below the district. */
  byArea: ReturnType<typeof areaColumn> | null;
  /** The filters given (name → value), for the total and the export's audit row. */
  filters: Record<string, unknown>;
  listKey: string;
  /** The area selected (`within` when given), or null: the actor's whole scope. */
  area: Area | null;
  /** No text search and no archived rows: a rollup metric may count this list exactly. */
  plain: boolean;
}

function narrowTo(def: EntityDefinition, ctx: RegistryContext, area: string | undefined, within: string) {
  const inner = areaColumn(def, ctx, within);
  const outer = area ? ctx.areas.resolve(area) : null;
  const p = ctx.areas.placementOf(inner.area);
  const at =
    outer &&
    { district: p.districtId, street: p.streetId, community: p.communityId, grid: p.gridId }[outer.level];
  if (outer && (at !== outer.id || inner.area.id === outer.id))
    throw invalidField(
      'within',
      `${within} is not an area inside ${area}`,
      `${within} 不是所选区域 ${area} 之下的区域`,
    );
  return inner;
}

/** Every list, count and export of an entity goes through here: one scope, one set of filters. */
export async function planList(
  def: EntityDefinition,
  ctx: RegistryContext,
  query: ListQuery,
): Promise<ListPlan> {
  const t = def.table;
  const columns = getTableColumns(t) as Record<string, AnyPgColumn>;
  const where: SQL[] = [scopePredicate(ctx)];
  const inArea = query.within
    ? narrowTo(def, ctx, query.area, query.within)
    : query.area
      ? areaColumn(def, ctx, query.area)
      : null;
  // A one-value range, not `=`: with `=` the planner drops the area column from ORDER BY (area, id) and,
  // not knowing area and id are correlated (rows are loaded area by area), walks the primary key filtering
  // most of the table (0.5 s for a street). The range keeps the (area, id) index order: under 1 ms.
  // A district has no (district_id, id) index: its rows are most of the table, so the primary key walks them.
  const byArea = inArea && inArea.level !== 'district' ? inArea : null;
  if (byArea) where.push(between(byArea.column, byArea.id, byArea.id));
  else if (inArea) where.push(eq(inArea.column, inArea.id));
  if (!query.includeArchived) where.push(isNull(t.archivedAt));
  const filters: Record<string, unknown> = {};
  for (const [name, filter] of Object.entries(def.filters)) {
    const value = query[name];
    if (value === undefined) continue;
    filters[name] = value;
    if ('column' in filter) where.push(eq(columns[filter.column]!, value));
    else where.push((filter.where as (v: unknown, c: RegistryContext) => SQL)(value, ctx));
  }
  let sortKey = query.sort ?? 'id';
  let readKind: ReadKind = 'list';
  const q = query.q?.trim();
  if (q) {
    if (!def.search)
      throw invalidField('q', `${def.label.en} cannot be searched by text`, `${def.label.zh}不支持文本搜索`);
    const search = def.search(q, ctx);
    if (search.identity) {
      await ctx.access.identitySearch(def.path, def.entity, search.identity);
      readKind = 'identity_search';
    }
    where.push(search.where);
    if (!query.sort && search.sort) sortKey = search.sort;
  }
  if (sortKey !== 'id' && !def.sortable.includes(sortKey)) {
    const allowed = ['id', ...def.sortable].join(', ');
    throw invalidField('sort', `must be one of ${allowed}`, `排序字段应为 ${allowed} 之一`);
  }
  const descending = query.order === 'desc';
  // The list a cursor belongs to: it opens only with the same entity, sort, order and filters.
  const listKey = JSON.stringify([
    def.entity,
    sortKey,
    descending ? 'desc' : 'asc',
    query.area ?? null,
    query.within ?? null,
    q ?? null,
    query.includeArchived === true,
    ...Object.keys(def.filters).map((name) => query[name] ?? null),
  ]);
  const plain = !q && !query.includeArchived;
  return {
    where,
    sortKey,
    descending,
    readKind,
    byArea,
    filters,
    listKey,
    area: inArea?.area ?? null,
    plain,
  };
}

/** One page of rows in the plan's order, after `cursor`; and the cursor of the page after it. */
export async function pageOf(
  def: EntityDefinition,
  ctx: RegistryContext,
  plan: ListPlan,
  limit: number,
  cursor?: string,
) {
  const t = def.table;
  const columns = getTableColumns(t) as Record<string, AnyPgColumn>;
  const { sortKey, descending, byArea } = plan;
  const sortColumn = columns[sortKey]!;
  const where = [...plan.where];
  const cursorKind: CursorValueKind =
    sortKey === 'id' ? 'none' : sortColumn.dataType === 'number' ? 'number' : 'string';
  if (cursor) {
    const { value, id } = decodeCursor(ctx.pii, plan.listKey, cursor, cursorKind);
    const op = descending ? sql`<` : sql`>`;
    if (sortKey !== 'id') where.push(sql`(${sortColumn}, ${t.id}) ${op} (${value}, ${id})`);
    else if (byArea) where.push(sql`(${byArea.column}, ${t.id}) ${op} (${byArea.id}, ${id})`);
    else where.push(sql`${t.id} ${op} ${id}`);
  }
  const direction = descending ? desc : asc;
  const byId = byArea ? [direction(byArea.column), direction(t.id)] : [direction(t.id)];
  const orderBy = sortKey === 'id' ? byId : [direction(sortColumn), direction(t.id)];
  const rows = (await ctx.db.orm
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(...orderBy)
    .limit(limit + 1)) as Row[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor(ctx.pii, plan.listKey, sortKey === 'id' ? null : last[sortKey], last.id)
      : null;
  return { rows: page, nextCursor };
}

export async function listRecords(def: EntityDefinition, ctx: RegistryContext, query: ListQuery) {
  const plan = await planList(def, ctx, query);
  const { rows, nextCursor } = await pageOf(def, ctx, plan, query.limit ?? 20, query.cursor);
  const total = await listTotal(def, ctx, plan);
  if (def.personalFields)
    await ctx.access.recordRead(
      def.entity,
      plan.readKind,
      rows.map((r) => r.id),
    );
  return { items: await presentPage(def, ctx, rows), nextCursor, total };
}
