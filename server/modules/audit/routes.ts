import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from '@sinclair/typebox';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { actorNames } from '../../lib/actor-names';
import { CONTENT_COLUMNS_SQL, contentOf, type StoredAuditRow } from './chain';
import { objectNames } from './object-names';
import { parseAnchor, verifyAuditChain } from './verify';

export interface AuditDeps {
  db: Database;
}

const Text = (maxLength: number, description: string) =>
  Type.Optional(Type.String({ minLength: 1, maxLength, description }));

export const AuditQuery = Type.Object(
  {
    actorId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, description: 'Account id' })),
    actor: Text(200, "Actor label, exactly: 'account:12:grid001', 'anonymous', 'system'"),
    action: Text(100, "Action, exactly: 'login.failure', 'registry.update', …"),
    objectType: Text(100, 'Type of the object acted on'),
    objectId: Text(100, 'Id of the object acted on (needs objectType to use its index)'),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Rows at or after this instant' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Rows strictly before this instant' })),
    cursor: Type.Optional(
      Type.String({ pattern: '^[1-9][0-9]{0,17}$', description: 'nextCursor of the page before' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const AuditItem = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorId: Type.Union([Type.Integer(), Type.Null()]),
  actor: Type.String(),
  actorName: Nullable(Type.String({ description: "The acting account's display name" })),
  actorRole: Nullable(Type.String({ description: "The acting account's role" })),
  action: Type.String(),
  objectType: Nullable(Type.String()),
  objectId: Nullable(Type.String()),
  objectName: Nullable(
    Type.String({
      description: "The object's name or address now (people's names masked), if it still exists",
    }),
  ),
  requestId: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
  prevHash: Type.String({ description: 'SHA-256, hex' }),
  hash: Type.String({ description: 'SHA-256(prevHash || canonical content), hex' }),
});

const AuditPage = Type.Object({
  items: Type.Array(AuditItem),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

const Verification = Type.Union([
  Type.Object({
    ok: Type.Literal(true),
    rows: Type.Integer(),
    lastId: Type.Union([Type.Integer(), Type.Null()]),
    lastHash: Type.Union([Type.String(), Type.Null()]),
  }),
  Type.Object({
    ok: Type.Literal(false),
    rows: Type.Integer(),
    brokenAt: Type.Integer(),
    reason: Type.String(),
  }),
]);

const VerifyQuery = Type.Object(
  {
    anchor: Type.Optional(
      Type.String({
        pattern: '^[0-9]{1,15}:[0-9a-fA-F]{64}$',
        description:
          'An `id:hash` noted earlier (audit:verify prints one): the chain must still reach that row with that hash',
      }),
    ),
  },
  { additionalProperties: false },
);

/** Newest first, keyset on id (chain order, which is also time order). */
export async function listAudit(db: Database, query: Static<typeof AuditQuery>) {
  const where: SQL[] = [];
  if (query.actorId !== undefined) where.push(sql`actor_id = ${query.actorId}`);
  if (query.actor !== undefined) where.push(sql`actor = ${query.actor}`);
  if (query.action !== undefined) where.push(sql`action = ${query.action}`);
  if (query.objectType !== undefined) where.push(sql`object_type = ${query.objectType}`);
  if (query.objectId !== undefined) where.push(sql`object_id = ${query.objectId}`);
  if (query.from !== undefined) where.push(sql`at >= ${query.from}::timestamptz`);
  if (query.to !== undefined) where.push(sql`at < ${query.to}::timestamptz`);
  if (query.cursor !== undefined) where.push(sql`id < ${query.cursor}::bigint`);
  const limit = query.limit ?? 50;
  const rows = await db.query<StoredAuditRow<string>>(sql`
    SELECT ${sql.raw(CONTENT_COLUMNS_SQL)}, encode(prev_hash, 'hex') AS prev_hash, encode(hash, 'hex') AS hash
      FROM audit_log
     ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}
     ORDER BY audit_log.id DESC
     LIMIT ${limit + 1}`);
  const page = rows.slice(0, limit).map((r) => ({ row: r, content: contentOf(r) }));
  const [nameOf, objects] = await Promise.all([
    actorNames(
      db,
      page.map((p) => p.content.actor),
    ),
    objectNames(
      db,
      page.map((p) => p.content),
    ),
  ]);
  return {
    items: page.map(({ row, content }) => {
      const details = content.details as Record<string, unknown>;
      const objectName = objects.get(`${content.objectType}:${content.objectId}`) ?? null;
      const hashes = { prevHash: row.prev_hash, hash: row.hash };
      return { ...content, ...nameOf(content.actor), objectName, id: Number(row.id), details, ...hashes };
    }),
    nextCursor: rows.length > limit ? (page.at(-1)?.row.id ?? null) : null,
  };
}

export const auditRoutes: FastifyPluginAsyncTypebox<AuditDeps> = async (app, { db }) => {
  const tags = ['audit'];
  const policy = { resource: 'audit', action: 'read' } as const;

  app.get(
    '/audit',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Audit trail, newest first (keyset paging)',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (req) => listAudit(db, req.query),
  );

  app.get(
    '/audit/verify',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Recompute the keyed hash chain and name the first broken row, if any',
        querystring: VerifyQuery,
        response: { 200: Verification },
      },
    },
    async (req) => verifyAuditChain(db, { anchor: parseAnchor(req.query.anchor ?? '') ?? undefined }),
  );
};
