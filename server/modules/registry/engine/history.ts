import { and, desc, eq, getTableColumns, getTableName } from 'drizzle-orm';
import type { Orm } from '../../../db/client';
import { recordHistory } from '../../../db/schema';
import { actorNames } from '../../../lib/actor-names';
import { referenceNames } from './history-names';
import type { EntityDefinition, RegistryContext, RegistryTable, Row } from './types';

const SKIPPED = new Set(['id', 'version', 'createdAt', 'updatedAt', 'searchBigrams']);
const HIDDEN = '(hidden)';

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  return value ?? null;
}

/**
 * Old → new per changed field. Keyed hashes and masked copies are skipped; encrypted columns, and the plain
 * columns an entity declares hidden (a birth date would rebuild a masked ID number), are compared but recorded
 * only as "(hidden)", so history never holds personal data. Omitted columns leave no trace at all.
 */
export function diff(
  ctx: RegistryContext,
  table: RegistryTable,
  before: Row | null,
  after: Row,
  rules: EntityDefinition['history'] = {},
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after)) {
    if (SKIPPED.has(key) || key.endsWith('Hmac') || key.endsWith('Masked')) continue;
    if (rules.omitted?.includes(key)) continue;
    const old = before ? before[key] : null;
    const now = after[key];
    if (rules.hidden?.includes(key)) {
      if (JSON.stringify(comparable(old)) !== JSON.stringify(comparable(now)))
        changes[key] = [old == null ? null : HIDDEN, now == null ? null : HIDDEN];
      continue;
    }
    if (key.endsWith('Enc')) {
      const aad = { table: getTableName(table), column: getTableColumns(table)[key]!.name, rowId: after.id };
      const plain = (v: unknown) => (Buffer.isBuffer(v) ? ctx.pii.decrypt(v, aad) : null);
      if (plain(old) !== plain(now))
        changes[key.slice(0, -3)] = [old == null ? null : HIDDEN, now == null ? null : HIDDEN];
      continue;
    }
    const [a, b] = [comparable(old), comparable(now)];
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = [a, b];
  }
  return changes;
}

export async function recordChange(
  def: EntityDefinition,
  tx: Orm,
  ctx: RegistryContext,
  action: 'create' | 'update' | 'archive',
  before: Row | null,
  after: Row,
) {
  await tx.insert(recordHistory).values({
    entity: def.entity,
    entityId: after.id,
    action,
    actor: ctx.actor,
    source: ctx.source,
    changes: diff(ctx, def.table, before, after, def.history),
  });
}

/**
 * A record's changes, newest first, each with the acting account's display name and role, and the names of
 * the records its reference fields pointed at.
 */
export async function listHistory(def: EntityDefinition, ctx: RegistryContext, id: number) {
  const rows = await ctx.db.orm
    .select()
    .from(recordHistory)
    .where(and(eq(recordHistory.entity, def.entity), eq(recordHistory.entityId, id)))
    .orderBy(desc(recordHistory.id))
    .limit(200);
  const nameOf = await actorNames(
    ctx.db,
    rows.map((r) => r.actor),
  );
  return {
    items: rows.map((r) => ({ ...r, ...nameOf(r.actor), at: r.at.toISOString() })),
    names: await referenceNames(ctx, rows),
  };
}
