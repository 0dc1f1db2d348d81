import { Type } from '@sinclair/typebox';
import { and, eq, getTableColumns, getTableName } from 'drizzle-orm';
import { canReveal, type PersonalField } from '../../../../core/policy/capabilities';
import { DomainError } from '../../../lib/errors';
import { appendAudit } from '../../audit';
import type { Actor } from '../../auth';
import { missing, scopePredicate } from './read';
import { assertRealReason } from './reveal-refusals';
import type { EntityDefinition, RegistryContext } from './types';

export const RevealBody = (fields: PersonalField[]) =>
  Type.Object(
    {
      field: Type.Union(fields.map((f) => Type.Literal(f))),
      reason: Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Why you need to see it (kept in the audit trail)',
      }),
    },
    { additionalProperties: false },
  );

export const RevealResponse = Type.Object({
  field: Type.String(),
  value: Type.Union([Type.String(), Type.Array(Type.String()), Type.Null()]),
});

/**
 * Decrypts one personal field of one in-scope record for an actor whose role (or department remit) may
 * see it, and records who looked, at what, and why — in the same transaction as the read.
 */
export async function revealField(
  def: EntityDefinition,
  ctx: RegistryContext,
  actor: Actor,
  id: number,
  input: { field: PersonalField; reason: string },
) {
  const { field } = input;
  if (!canReveal(actor, def.path, field)) {
    throw new DomainError(403, 'forbidden', {
      en: `Your role may not see the ${field} of ${def.label.en.toLowerCase()} records`,
      zh: `您的角色无权查看${def.label.zh}的 ${field}`,
    });
  }
  assertRealReason(input.reason);
  return ctx.db.orm.transaction(async (tx) => {
    const column = getTableColumns(def.table)[`${field}Enc`]!;
    const [row] = await tx
      .select({ blob: column })
      .from(def.table)
      .where(and(eq(def.table.id, id), scopePredicate(ctx, 'write')));
    if (!row) throw missing(def, id);
    const aad = { table: getTableName(def.table), column: column.name, rowId: id };
    const plain = Buffer.isBuffer(row.blob) ? ctx.pii.decrypt(row.blob, aad) : null;
    await appendAudit(tx, {
      actorId: actor.accountId,
      actor: ctx.actor,
      action: 'personal.reveal',
      objectType: def.entity,
      objectId: id,
      requestId: ctx.requestId,
      details: { field, reason: input.reason },
    });
    const value: string | string[] | null =
      plain !== null && field === 'conditions' ? JSON.parse(plain) : plain;
    return { field, value };
  });
}
