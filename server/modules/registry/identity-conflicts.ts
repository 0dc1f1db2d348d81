import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { execRows, type Orm } from '../../db/client';
import { identityConflicts, residents } from '../../db/schema';
import { conflict, notFound } from '../../lib/errors';
import { appendAudit } from '../audit';
import { recordChange } from './engine/history';
import { scopePredicate } from './engine/read';
import { countArchived } from './engine/rollups';
import type { RegistryContext } from './engine/types';
import { firstActiveDependent } from './engine/write';
import { residentEntity } from './entities/residents';

type Resident = typeof residents.$inferSelect;

const Party = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  grid: Type.Union([Type.String(), Type.Null()]),
});
const ConflictItem = Type.Object({
  id: Type.Integer(),
  createdAt: Type.String(),
  resident: Party,
  existing: Party,
});
const ResolveBody = Type.Object(
  {
    keep: Type.Union([Type.Literal('new'), Type.Literal('existing')], {
      description:
        'new: the record just registered stays, the older one is archived (moved out); existing: the reverse',
    }),
  },
  { additionalProperties: false },
);

/** Open conflicts whose two records both lie in the caller's area (the district centre sees them all). */
async function listOpen(ctx: RegistryContext) {
  const scope = (alias: string) => sql.raw(ctx.scope.rowsSql(alias, 'write'));
  return execRows<{
    id: number;
    created_at: string;
    r_id: number;
    r_name: string;
    r_grid: string | null;
    e_id: number;
    e_name: string;
    e_grid: string | null;
  }>(
    ctx.db.orm,
    sql`SELECT c.id, c.created_at::text, r.id AS r_id, r.name AS r_name, rg.name AS r_grid,
               e.id AS e_id, e.name AS e_name, eg.name AS e_grid
          FROM identity_conflicts c
          JOIN residents r ON r.id = c.resident_id LEFT JOIN areas rg ON rg.id = r.grid_id
          JOIN residents e ON e.id = c.existing_resident_id LEFT JOIN areas eg ON eg.id = e.grid_id
         WHERE c.resolved_at IS NULL AND ${scope('r')} AND ${scope('e')}
         ORDER BY c.id LIMIT 200`,
  );
}

async function lockResident(tx: Orm, ctx: RegistryContext, id: number): Promise<Resident> {
  const [row] = await tx
    .select()
    .from(residents)
    .where(and(eq(residents.id, id), scopePredicate(ctx, 'write')))
    .for('update');
  if (!row) throw notFound('identity conflict', '身份冲突');
  return row;
}

/** Archives the record that goes, clears the mark on the one that stays: one transaction, history and audit. */
async function resolve(ctx: RegistryContext, id: number, keep: 'new' | 'existing') {
  return ctx.db.orm.transaction(async (tx) => {
    const [task] = await tx
      .select()
      .from(identityConflicts)
      .where(eq(identityConflicts.id, id))
      .for('update');
    if (!task) throw notFound(`identity conflict ${id}`, `身份冲突 ${id}`);
    const ids = [task.residentId, task.existingResidentId].sort((a, b) => a - b);
    const rows = new Map<number, Resident>();
    for (const rid of ids) rows.set(rid, await lockResident(tx, ctx, rid));
    if (task.resolvedAt)
      throw conflict('already_resolved', `Conflict ${id} is already resolved`, `身份冲突 ${id} 已处理`);
    const [kept, gone] =
      keep === 'new'
        ? [task.residentId, task.existingResidentId]
        : [task.existingResidentId, task.residentId];
    const blocking = await firstActiveDependent(residentEntity, tx, gone);
    if (blocking)
      throw conflict(
        'has_dependents',
        `Resident ${gone} still has ${blocking.n} active ${blocking.dep.label.en}; move them to resident ${kept} first`,
        `居民 ${gone} 仍有 ${blocking.n} 条有效的${blocking.dep.label.zh}，请先迁移到居民 ${kept}`,
      );
    const change = async (
      rid: number,
      set: { archivedAt: SQL } | { identityConflict: false },
      action: 'archive' | 'update',
    ) => {
      const [after] = await tx
        .update(residents)
        .set({ ...set, version: sql`${residents.version} + 1`, updatedAt: sql`now()` })
        .where(eq(residents.id, rid))
        .returning();
      await recordChange(residentEntity, tx, ctx, action, rows.get(rid)!, after!);
    };
    await change(gone, { archivedAt: sql`now()` }, 'archive');
    if (rows.get(kept)!.identityConflict) await change(kept, { identityConflict: false }, 'update');
    await tx.execute(sql`UPDATE identity_conflicts SET resolved_at = now(), resolved_by = ${ctx.actorId},
      resolution = ${keep === 'new' ? 'kept_new' : 'kept_existing'} WHERE id = ${id}`);
    if (!rows.get(gone)!.archivedAt) await countArchived(tx, 'residents', [gone]);
    await appendAudit(tx, {
      actorId: ctx.actorId,
      actor: ctx.actor,
      action: 'registry.identity_conflict.resolve',
      objectType: 'identity_conflict',
      objectId: id,
      requestId: ctx.requestId,
      details: { kept, archived: gone },
    });
    return { id, kept, archived: gone };
  });
}

export const identityConflictRoutes: FastifyPluginAsyncTypebox<{
  context: (req: FastifyRequest) => RegistryContext;
}> = async (app, { context }) => {
  const tags = ['registry: residents'];
  const policy = { resource: 'residents', action: 'archive' } as const;
  app.get(
    '/registry/identity-conflicts',
    {
      config: { policy },
      schema: {
        tags,
        summary:
          'Residents registered twice with one document number, to reconcile (both records in your area)',
        response: { 200: Type.Object({ items: Type.Array(ConflictItem) }) },
      },
    },
    async (req) => ({
      items: (await listOpen(context(req))).map((r) => ({
        id: r.id,
        createdAt: new Date(r.created_at).toISOString(),
        resident: { id: r.r_id, name: r.r_name, grid: r.r_grid },
        existing: { id: r.e_id, name: r.e_name, grid: r.e_grid },
      })),
    }),
  );
  app.post(
    '/registry/identity-conflicts/:id/resolve',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Keep one of the two records; the other is archived (moved out)',
        params: Type.Object(
          { id: Type.Integer({ minimum: 1, maximum: 2147483647 }) },
          { additionalProperties: false },
        ),
        body: ResolveBody,
        response: {
          200: Type.Object({ id: Type.Integer(), kept: Type.Integer(), archived: Type.Integer() }),
        },
      },
    },
    async (req) => resolve(context(req), req.params.id, req.body.keep),
  );
};
