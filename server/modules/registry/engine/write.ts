import { and, eq, getTableName, sql } from 'drizzle-orm';
import { execRows, type Orm } from '../../../db/client';
import { conflict, DomainError, unprocessable } from '../../../lib/errors';
import type { Placement } from '../../areas';
import { appendAudit } from '../../audit';
import { dependentsOf } from '../entities';
import { placementColumns } from '../entities/areas';
import { deepestAreaId } from './counts';
import { recordChange } from './history';
import { movePlacementChildren } from './placement';
import { presentPage } from './present';
import { activeParent, missing, scopePredicate } from './read';
import { countArchived, countCreated, trackRollups } from './rollups';
import type { Change, EntityDefinition, Input, Lookup, RegistryContext, Row } from './types';

async function loadForUpdate(def: EntityDefinition, ctx: RegistryContext, tx: Orm, id: number): Promise<Row> {
  const [row] = (await tx
    .select()
    .from(def.table)
    .where(and(eq(def.table.id, id), scopePredicate(ctx, 'write')))
    .for('update')) as Row[];
  if (!row) throw missing(def, id);
  return row;
}

export async function createRecord(def: EntityDefinition, ctx: RegistryContext, input: Input) {
  const row = await inTransaction(def, ctx, async (tx) => {
    const rowId = await drawId(def, tx);
    const change = { input, existing: null, after: input };
    const values = { ...(await columnsFor(def, change, { tx, ctx, rowId })), id: rowId };
    assertInScope(def, ctx, values as unknown as Placement);
    const [created] = (await tx.insert(def.table).values(values).returning()) as Row[];
    await recordChange(def, tx, ctx, 'create', null, created!);
    await countCreated(tx, tableName(def), [created!.id]);
    await auditWrite(def, tx, ctx, 'create', created!.id);
    return created!;
  });
  return (await presentPage(def, ctx, [row]))[0]!;
}

export async function updateRecord(def: EntityDefinition, ctx: RegistryContext, id: number, input: Input) {
  const { version, ...changes } = input;
  const row = await inTransaction(def, ctx, async (tx) => {
    const before = await loadForUpdate(def, ctx, tx, id);
    if (before.archivedAt) {
      throw conflict(
        'archived',
        `${def.label.en} ${id} is archived and cannot be changed`,
        `${def.label.zh} ${id} 已归档，不能修改`,
      );
    }
    if (version !== undefined && version !== before.version) {
      throw conflict(
        'version_conflict',
        `${def.label.en} ${id} was changed by someone else (version ${before.version}, you sent ${String(version)}); reload and retry`,
        `${def.label.zh} ${id} 已被他人修改（当前版本 ${before.version}），请刷新后重试`,
        'version',
      );
    }
    const change = { input: changes, existing: before, after: { ...before, ...changes } };
    const values = await columnsFor(def, change, { tx, ctx, rowId: id });
    assertInScope(def, ctx, { ...before, ...values } as Placement);
    const settleRollups = await trackRollups(tx, tableName(def), [id]);
    const [after] = (await tx
      .update(def.table)
      .set({ ...values, version: sql`${def.table.version} + 1`, updatedAt: sql`now()` })
      .where(eq(def.table.id, id))
      .returning()) as Row[];
    await recordChange(def, tx, ctx, 'update', before, after!);
    const moved = deepestAreaId(before) !== deepestAreaId(after!);
    await settleRollups(moved ? await movePlacementChildren(tableName(def), tx, [id], after!) : []);
    await auditWrite(def, tx, ctx, 'update', id, Object.keys(changes));
    return after!;
  });
  return (await presentPage(def, ctx, [row]))[0]!;
}

export async function archiveRecord(def: EntityDefinition, ctx: RegistryContext, id: number) {
  const row = await inTransaction(def, ctx, async (tx) => {
    const before = await loadForUpdate(def, ctx, tx, id);
    if (before.archivedAt) return before;
    const blocking = await firstActiveDependent(def, tx, id);
    if (blocking) {
      const { dep, n } = blocking;
      throw conflict(
        'has_dependents',
        `${def.label.en} ${id} still has ${n} active ${dep.label.en}; archive or move them first`,
        `${def.label.zh} ${id} 仍有 ${n} 条有效的${dep.label.zh}，请先归档或迁移`,
      );
    }
    const [after] = (await tx
      .update(def.table)
      .set({ archivedAt: sql`now()`, version: sql`${def.table.version} + 1`, updatedAt: sql`now()` })
      .where(eq(def.table.id, id))
      .returning()) as Row[];
    await recordChange(def, tx, ctx, 'archive', before, after!);
    await countArchived(tx, tableName(def), [id]);
    await auditWrite(def, tx, ctx, 'archive', id);
    return after!;
  });
  return (await presentPage(def, ctx, [row]))[0]!;
}

/** The first of a record's declared dependents that still has active rows pointing at it, with their count. */
export async function firstActiveDependent(def: EntityDefinition, tx: Orm, id: number) {
  for (const dep of dependentsOf(def)) {
    const [found] = await execRows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(dep.table)} WHERE ${sql.identifier(dep.column)} = ${id} AND archived_at IS NULL`,
    );
    if (found && found.n > 0) return { dep, n: found.n };
  }
  return null;
}

/** The entity's column values for a change, with the placement copied from its parent when that is new. */
async function columnsFor(def: EntityDefinition, change: Change, lookup: Lookup) {
  const values = await def.toColumns(change, lookup);
  const link = def.placedBy;
  if (!link || (change.existing && change.input[link.field] === undefined)) return values;
  const parentId = change.after[link.field];
  if (typeof parentId !== 'number') throw new Error(`${def.path}: ${link.field} is not an id`);
  const parent = await activeParent(lookup, link.parent, parentId, link.field);
  return { ...values, ...placementColumns(parent) };
}

/** A record may only be created in, or moved to, the actor's own part of the district. */
function assertInScope(def: EntityDefinition, ctx: RegistryContext, placement: Placement) {
  if (ctx.scope.containsPlacement(placement)) return;
  throw unprocessable(
    'outside_your_area',
    `This ${def.label.en.toLowerCase()} would lie outside the area you are responsible for`,
    `该${def.label.zh}不在您负责的区域内`,
  );
}

/** Last in each transaction: the audit lock is then held only from here to commit (and never before an area lock). */
function auditWrite(
  def: EntityDefinition,
  tx: Orm,
  ctx: RegistryContext,
  action: string,
  id: number,
  fields?: string[],
) {
  return appendAudit(tx, {
    actorId: ctx.actorId,
    actor: ctx.actor,
    action: `registry.${action}`,
    objectType: def.entity,
    objectId: id,
    requestId: ctx.requestId,
    details: fields ? { fields } : {},
  });
}

/** The new row's id, known before the insert so that its encrypted values can be bound to it. */
async function drawId(def: EntityDefinition, tx: Orm): Promise<number> {
  const [row] = await execRows<{ id: number }>(
    tx,
    sql`SELECT nextval(pg_get_serial_sequence(${tableName(def)}, 'id'))::int AS id`,
  );
  return row!.id;
}

function tableName(def: EntityDefinition): string {
  return getTableName(def.table);
}

/** One transaction per action; unique-key violations become a 409 that names the field. */
async function inTransaction<T>(def: EntityDefinition, ctx: RegistryContext, fn: (tx: Orm) => Promise<T>) {
  try {
    return await ctx.db.orm.transaction((tx) => fn(tx));
  } catch (error) {
    throw translateDatabaseError(def, error);
  }
}

function translateDatabaseError(def: EntityDefinition, error: unknown): unknown {
  if (error instanceof DomainError) return error;
  let cause = error as { code?: string; constraint?: string; cause?: unknown } | undefined;
  while (cause && !cause.code && cause.cause) cause = cause.cause as typeof cause;
  if (cause?.code === '23505') {
    const field = (cause.constraint && def.uniqueFields?.[cause.constraint]) ?? 'id';
    return conflict(
      'duplicate',
      `Another active ${def.label.en.toLowerCase()} already has this ${field}`,
      `已存在相同 ${field} 的${def.label.zh}`,
      field,
    );
  }
  return error;
}

export { tableName };
