import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type TProperties, Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Action } from '../../../core/policy/capabilities';
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import type { PiiCipher } from '../../lib/pii';
import { type AreaDirectory, Scope } from '../areas';
import { actorLabel } from '../auth';
import { personalAccessFor, unrecordedAccess } from '../personal-access';
import { listHistory } from './engine/history';
import { listRecords } from './engine/list';
import { ListTotal } from './engine/list-total';
import { getRecord } from './engine/read';
import { RevealBody, RevealResponse, revealField } from './engine/reveal';
import { auditRefusedReveal } from './engine/reveal-refusals';
import type { AnyEntity, RegistryContext } from './engine/types';
import { archiveRecord, createRecord, updateRecord } from './engine/write';
import { ENTITIES } from './entities';
import { Id } from './entities/schemas';
import { exportRecords } from './export/export';
import { CONTENT_TYPE } from './export/format';
import { identityConflictRoutes } from './identity-conflicts';
import { registrySummary, SummaryQuery, SummaryResponse } from './summary';

export interface RegistryDeps {
  config: Config;
  db: Database;
  areas: AreaDirectory;
  pii: PiiCipher;
}

const IdParam = Type.Object({ id: Id('Record id') }, { additionalProperties: false });
const HistoryItem = Type.Object({
  id: Type.Integer(),
  entity: Type.String(),
  entityId: Type.Union([Type.Integer(), Type.Null()]),
  action: Type.String(),
  actor: Type.String(),
  actorName: Type.Union([Type.String(), Type.Null()], { description: "The account's display name" }),
  actorRole: Type.Union([Type.String(), Type.Null()], { description: "The account's role" }),
  source: Type.String({ description: "'web' (the web app), 'api', or the integration that named itself" }),
  changes: Type.Unknown(),
  at: Type.String(),
});

/** Where a change comes from: the system that names itself, else the web app (a cookie session) or 'api'. */
const sourceOf = (req: FastifyRequest) =>
  String(req.headers['x-source-system'] ?? (req.actor?.sessionKind === 'cookie' ? 'web' : 'api')).slice(
    0,
    40,
  );

const HistoryPage = Type.Object({
  items: Type.Array(HistoryItem),
  names: Type.Record(Type.String(), Type.Record(Type.String(), Type.String()), {
    description:
      'Reference field → record id → its name (address, house, masked person…), for records in scope',
  }),
});

function listQuery(def: AnyEntity) {
  const filters: TProperties = {};
  for (const [name, f] of Object.entries(def.filters)) filters[name] = Type.Optional(f.schema);
  return Type.Object(
    {
      area: Type.Optional(
        Type.String({ pattern: '^[0-9]{15}$', description: 'Area code: only rows in its subtree' }),
      ),
      within: Type.Optional(
        Type.String({ pattern: '^[0-9]{15}$', description: 'An area inside `area` (e.g. one of its grids)' }),
      ),
      q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Free-text search' })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
      cursor: Type.Optional(
        Type.String({ maxLength: 1024, description: 'nextCursor of the page before (opaque)' }),
      ),
      sort: Type.Optional(Type.Union(['id', ...def.sortable].map((s) => Type.Literal(s)))),
      order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
      includeArchived: Type.Optional(Type.Boolean()),
      ...filters,
    },
    { additionalProperties: false },
  );
}

/** The list's query without paging, and the file format. */
function exportQuery(def: AnyEntity) {
  const { limit: _l, cursor: _c, ...list } = listQuery(def).properties;
  const format = Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { description: 'File format' });
  return Type.Object({ ...list, format }, { additionalProperties: false });
}

/** `attachment` with the Chinese name for browsers (RFC 5987) and an ASCII one for the rest. */
const attachment = (file: { name: string; ascii: string }) =>
  `attachment; filename="${file.ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`;

export const registryRoutes: FastifyPluginAsyncTypebox<RegistryDeps> = async (app, deps) => {
  const context = (req: FastifyRequest): RegistryContext => ({
    db: deps.db,
    areas: deps.areas,
    pii: deps.pii,
    access: req.actor ? personalAccessFor(deps, req.actor, req.id) : unrecordedAccess,
    actor: actorLabel(req.actor),
    actorId: req.actor?.accountId ?? null,
    requestId: req.id,
    scope: req.actor?.scope ?? Scope.of([], deps.areas),
    source: sourceOf(req),
  });

  await app.register(identityConflictRoutes, { context });

  app.get(
    '/registry/summary',
    {
      config: { policy: { resource: 'summary', action: 'read' } },
      schema: {
        tags: ['registry'],
        summary: "Counts of an area subtree's registry (only what the caller may see)",
        querystring: SummaryQuery,
        response: { 200: SummaryResponse },
      },
    },
    async (req) => registrySummary(deps, req.actor!, req.query.area),
  );

  for (const def of ENTITIES) {
    const tags = [`registry: ${def.path}`];
    const label = def.label.en.toLowerCase();
    const policy = (action: Action) => ({ policy: { resource: def.path, action } });
    const base = `/registry/${def.path}`;
    const page = Type.Object({
      items: Type.Array(def.output),
      nextCursor: Type.Union([Type.String(), Type.Null()]),
      total: ListTotal,
    });

    app.get(
      base,
      {
        config: policy('read'),
        schema: {
          tags,
          summary: `List or search ${label} records`,
          querystring: listQuery(def),
          response: { 200: page },
        },
      },
      async (req) => listRecords(def, context(req), req.query),
    );
    app.get(
      `${base}/export`,
      {
        config: policy('export'),
        schema: {
          tags,
          summary: `Export the ${label} list as CSV or XLSX (same filters and scope; masked; audited)`,
          querystring: exportQuery(def),
          produces: [CONTENT_TYPE.csv, CONTENT_TYPE.xlsx],
        },
      },
      async (req, reply) => {
        const { format, ...query } = req.query;
        const file = await exportRecords(def, context(req), query, format);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', attachment(file.file))
          .header('cache-control', 'no-store')
          .send(file.stream);
      },
    );
    app.get(
      `${base}/:id`,
      {
        config: policy('read'),
        schema: { tags, summary: `One ${label}`, params: IdParam, response: { 200: def.output } },
      },
      async (req) => getRecord(def, context(req), req.params.id),
    );
    app.get(
      `${base}/:id/history`,
      {
        config: policy('read'),
        schema: {
          tags,
          summary: 'Change history, newest first',
          params: IdParam,
          response: { 200: HistoryPage },
        },
      },
      async (req) => {
        await getRecord(def, context(req), req.params.id, 'history');
        return listHistory(def, context(req), req.params.id);
      },
    );
    app.post(
      base,
      {
        config: policy('create'),
        schema: { tags, summary: `Create a ${label}`, body: def.createBody, response: { 201: def.output } },
      },
      async (req, reply) => {
        reply.status(201);
        return createRecord(def, context(req), req.body);
      },
    );
    app.patch(
      `${base}/:id`,
      {
        config: policy('update'),
        schema: {
          tags,
          summary: `Change some fields of a ${label}`,
          params: IdParam,
          body: def.updateBody,
          response: { 200: def.output },
        },
      },
      async (req) => updateRecord(def, context(req), req.params.id, req.body),
    );
    app.post(
      `${base}/:id/archive`,
      {
        config: policy('archive'),
        schema: {
          tags,
          summary: `Archive a ${label} (kept, hidden from lists)`,
          params: IdParam,
          response: { 200: def.output },
        },
      },
      async (req) => archiveRecord(def, context(req), req.params.id),
    );
    if (def.personalFields) {
      app.post(
        `${base}/:id/reveal`,
        {
          config: policy('reveal'),
          onError: async (req, _reply, error) => auditRefusedReveal(deps.db, def, req, error),
          schema: {
            tags,
            summary: 'Reveal one personal field of one record, with a reason (audited)',
            params: IdParam,
            body: RevealBody(def.personalFields),
            response: { 200: RevealResponse },
          },
        },
        async (req) => revealField(def, context(req), req.actor!, req.params.id, req.body),
      );
    }
  }
};
