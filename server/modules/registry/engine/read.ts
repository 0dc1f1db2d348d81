import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { notFound, unprocessable } from '../../../lib/errors';
import { presentPage } from './present';
import type { AnyEntity, Label, Lookup, RegistryContext, RegistryTable, Row, RowOf } from './types';

/** The actor's data scope as a predicate on the located columns ('write': its own subtrees only). */
export const scopePredicate = (ctx: RegistryContext, mode: 'read' | 'write' = 'read'): SQL =>
  sql.raw(ctx.scope.rowsSql('', mode));

export const missing = (def: AnyEntity, id: number) =>
  notFound(`${def.label.en} ${id}`, `${def.label.zh} ${id}`);

/** One visible record as the API shows it; a read of personal records is kept on record. */
export async function getRecord(
  def: AnyEntity,
  ctx: RegistryContext,
  id: number,
  readKind: 'get' | 'history' = 'get',
) {
  const [row] = await ctx.db.orm
    .select()
    .from(def.table)
    .where(and(eq(def.table.id, id), scopePredicate(ctx)));
  if (!row) throw missing(def, id);
  // Selected from a registry table: the common columns are there (Drizzle cannot type a generic table).
  const record = row as Row;
  if (def.personalFields) await ctx.access.recordRead(def.entity, readKind, [record.id]);
  return (await presentPage(def, ctx, [record]))[0]!;
}

/**
 * The active, visible record a field points at (FOR SHARE: it cannot be archived under us), or a 422
 * naming the field. Returns the whole row, for rules that need more than its placement.
 */
export async function activeParent<TTable extends RegistryTable>(
  { tx, ctx }: Lookup,
  parent: { table: TTable; label: Label },
  id: number,
  field: string,
): Promise<RowOf<TTable>> {
  const table: RegistryTable = parent.table;
  const [row] = await tx
    .select()
    .from(table)
    .where(and(eq(table.id, id), isNull(table.archivedAt), scopePredicate(ctx)))
    .for('share');
  if (!row) {
    throw unprocessable(
      'reference_not_found',
      `${field}: no active ${parent.label.en.toLowerCase()} with id ${id}`,
      `${field}：不存在编号为 ${id} 的有效${parent.label.zh}`,
      field,
    );
  }
  // Selected from `parent.table` itself: Drizzle cannot name a generic table's row type.
  return row as RowOf<TTable>;
}
