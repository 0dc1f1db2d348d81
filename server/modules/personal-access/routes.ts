import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from '@sinclair/typebox';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';

const MAX_ID = 2147483647;

export const ReadsQuery = Type.Object(
  {
    accountId: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, description: 'Who read' })),
    entity: Type.Optional(
      Type.Union([Type.Literal('resident'), Type.Literal('health_record'), Type.Literal('staff')]),
    ),
    recordId: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_ID,
        description: 'Reads that returned this record (with entity)',
      }),
    ),
    kind: Type.Optional(
      Type.Union(['list', 'get', 'history', 'identity_search'].map((k) => Type.Literal(k))),
    ),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'At or after this instant' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Strictly before this instant' })),
    cursor: Type.Optional(
      Type.String({ pattern: '^[1-9][0-9]{0,17}$', description: 'nextCursor of the page before' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);

const ReadItem = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  accountId: Type.Union([Type.Integer(), Type.Null()]),
  actor: Type.String(),
  requestId: Type.Union([Type.String(), Type.Null()]),
  entity: Type.String(),
  kind: Type.String(),
  recordIds: Type.Array(Type.Integer()),
  details: Type.Record(Type.String(), Type.Unknown()),
});
const ReadsPage = Type.Object({
  items: Type.Array(ReadItem),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

interface ReadRow extends Record<string, unknown> {
  id: string;
  at: Date | string;
  account_id: number | null;
  actor: string;
  request_id: string | null;
  entity: string;
  kind: string;
  record_ids: number[];
  details: Record<string, unknown>;
}

/** Who read which people, newest first (keyset on id). */
export async function listReads(db: Database, query: Static<typeof ReadsQuery>) {
  const where: SQL[] = [];
  if (query.accountId !== undefined) where.push(sql`account_id = ${query.accountId}`);
  if (query.entity !== undefined) where.push(sql`entity = ${query.entity}`);
  if (query.recordId !== undefined) where.push(sql`record_ids @> ARRAY[${query.recordId}]::integer[]`);
  if (query.kind !== undefined) where.push(sql`kind = ${query.kind}`);
  if (query.from !== undefined) where.push(sql`at >= ${query.from}::timestamptz`);
  if (query.to !== undefined) where.push(sql`at < ${query.to}::timestamptz`);
  if (query.cursor !== undefined) where.push(sql`id < ${query.cursor}::bigint`);
  const limit = query.limit ?? 50;
  const rows = await db.query<ReadRow>(sql`
    SELECT id::text AS id, at, account_id, actor, request_id, entity, kind, record_ids, details
      FROM personal_data_reads
     ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}
     ORDER BY id DESC LIMIT ${limit + 1}`);
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: Number(r.id),
      at: new Date(r.at).toISOString(),
      accountId: r.account_id,
      actor: r.actor,
      requestId: r.request_id,
      entity: r.entity,
      kind: r.kind,
      recordIds: r.record_ids,
      details: r.details,
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export const personalReadRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/audit/reads',
    {
      config: { policy: { resource: 'audit', action: 'read' } },
      schema: {
        tags: ['audit'],
        summary: 'Who listed, opened or searched which residents, health records and staff (newest first)',
        querystring: ReadsQuery,
        response: { 200: ReadsPage },
      },
    },
    async (req) => listReads(db, req.query),
  );
};
