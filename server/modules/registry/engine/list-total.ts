import { Type } from '@sinclair/typebox';
import { and, getTableName, sql } from 'drizzle-orm';
import { execRows } from '../../../db/client';
import { AREA_TABLE_COLUMN } from '../../areas';
import { METRICS } from './counts';
import type { ListPlan } from './list';
import type { EntityDefinition, RegistryContext } from './types';

/** A filtered list is counted up to here: past it the exact number is not worth a walk of the table. */
export const COUNT_BOUND = 10_000;

export const ListTotal = Type.Object(
  {
    count: Type.Integer({ minimum: 0 }),
    atLeast: Type.Boolean({
      description: `true: there are more than count (${COUNT_BOUND}); not counted further`,
    }),
  },
  { description: 'How many rows the list has: exact unless atLeast' },
);
export type ListTotal = { count: number; atLeast: boolean };

const sameFilters = (a: Record<string, unknown>, b: Record<string, unknown>) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

/** The rollup metric counting exactly this list's rows (its table, and the filters its `where` means). */
function exactMetric(def: EntityDefinition, plan: ListPlan): string | null {
  if (!plan.plain) return null;
  const table = getTableName(def.table);
  const found = Object.entries(METRICS).find(
    ([, m]) => m.table === table && sameFilters(m.filter ?? {}, plan.filters) && (m.filter || !m.where),
  );
  return found?.[0] ?? null;
}

/**
 * The list's total: from the kept rollup (area_counts) when a metric counts exactly its rows — the same
 * area subtree and scope the summary reads — otherwise a count of the matching rows that stops past
 * COUNT_BOUND, so a broad filter over 470,000 residents costs at most that many index entries.
 */
export async function listTotal(
  def: EntityDefinition,
  ctx: RegistryContext,
  plan: ListPlan,
): Promise<ListTotal> {
  const metric = exactMetric(def, plan);
  if (metric) {
    const inArea = plan.area
      ? sql`AND a.${sql.identifier(AREA_TABLE_COLUMN[plan.area.level])} = ${plan.area.id}`
      : sql``;
    const [row] = await execRows<{ n: number }>(
      ctx.db.orm,
      sql`SELECT coalesce(sum(c.n), 0)::int AS n FROM area_counts c JOIN areas a ON a.id = c.area_id
           WHERE c.metric = ${metric} ${inArea} AND ${sql.raw(ctx.scope.areasSql('a'))}`,
    );
    return { count: row?.n ?? 0, atLeast: false };
  }
  const matching = ctx.db.orm
    .select({ one: sql`1` })
    .from(def.table)
    .where(and(...plan.where))
    .limit(COUNT_BOUND + 1)
    .as('matching');
  const [row] = await ctx.db.orm.select({ n: sql<number>`count(*)::int` }).from(matching);
  const n = row?.n ?? 0;
  return n > COUNT_BOUND ? { count: COUNT_BOUND, atLeast: true } : { count: n, atLeast: false };
}
