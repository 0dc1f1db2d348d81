import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type TProperties, Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/client';
import type { PiiCipher } from '../../lib/pii';
import type { AreaDirectory } from '../areas/directory';
import { listHistory } from './engine/history';
import { listRecords } from './engine/list';
import type { EntityDefinition, RegistryContext } from './engine/types';
import { archiveRecord, createRecord, getRecord, updateRecord } from './engine/write';
import { ENTITIES } from './entities';
import { registrySummary, SummaryQuery, SummaryResponse } from './summary';

export interface RegistryDeps {
  db: Database;
  areas: AreaDirectory;
  pii: PiiCipher;
}

const IdParam = Type.Object(
  { id: Type.Integer({ minimum: 1, maximum: 2147483647 }) },
  { additionalProperties: false },
);
const HistoryItem = Type.Object({
  id: Type.Integer(),
  entity: Type.String(),
  entityId: Type.Union([Type.Integer(), Type.Null()]),
  action: Type.String(),
  actor: Type.String(),
  source: Type.String(),
  changes: Type.Unknown(),
  at: Type.String(),
});

function listQuery(def: EntityDefinition) {
  const filters: TProperties = {};
  for (const [name, f] of Object.entries(def.filters)) filters[name] = Type.Optional(f.schema);
  return Type.Object(
    {
      area: Type.Optional(
        Type.String({ pattern: '^[0-9]{15}$', description: 'Area code: only rows in its subtree' }),
      ),
      q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Free-text search' })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
      cursor: Type.Optional(Type.String({ maxLength: 400 })),
      sort: Type.Optional(Type.Union(['id', ...def.sortable].map((s) => Type.Literal(s)))),
      order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
      includeArchived: Type.Optional(Type.Boolean()),
      ...filters,
    },
    { additionalProperties: false },
  );
}

export const registryRoutes: FastifyPluginAsyncTypebox<RegistryDeps> = async (app, deps) => {
  const context = (req: FastifyRequest): RegistryContext => ({
    ...deps,
    actor: 'anonymous',
    source: String(req.headers['x-source-system'] ?? 'api').slice(0, 40),
  });

  app.get(
    '/registry/summary',
    {
      schema: {
        tags: ['registry'],
        summary: "Counts of an area subtree's registry",
        querystring: SummaryQuery,
        response: { 200: SummaryResponse },
      },
    },
    async (req) => registrySummary(deps, req.query.area),
  );

  for (const def of ENTITIES) {
    const tags = [`registry: ${def.path}`];
    const one = { 200: def.output };
    const base = `/registry/${def.path}`;
    app.get(
      base,
      {
        schema: {
          tags,
          summary: `List or search ${def.label.en.toLowerCase()} records (keyset paging)`,
          querystring: listQuery(def),
          response: {
            200: Type.Object({
              items: Type.Array(def.output),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            }),
          },
        },
      },
      async (req) => listRecords(def, context(req), req.query as Record<string, unknown>),
    );
    app.get(
      `${base}/:id`,
      { schema: { tags, summary: `One ${def.label.en.toLowerCase()}`, params: IdParam, response: one } },
      async (req) => getRecord(def, context(req), req.params.id),
    );
    app.get(
      `${base}/:id/history`,
      {
        schema: {
          tags,
          summary: 'Change history, newest first',
          params: IdParam,
          response: { 200: Type.Object({ items: Type.Array(HistoryItem) }) },
        },
      },
      async (req) => {
        await getRecord(def, context(req), req.params.id);
        return { items: await listHistory(def, context(req), req.params.id) };
      },
    );
    app.post(
      base,
      {
        schema: {
          tags,
          summary: `Create a ${def.label.en.toLowerCase()}`,
          body: def.createBody,
          response: { 201: def.output },
        },
      },
      async (req, reply) => {
        reply.status(201);
        return createRecord(def, context(req), req.body as Record<string, unknown>);
      },
    );
    app.patch(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: `Change some fields of a ${def.label.en.toLowerCase()}`,
          params: IdParam,
          body: def.updateBody,
          response: one,
        },
      },
      async (req) => updateRecord(def, context(req), req.params.id, req.body as Record<string, unknown>),
    );
    app.post(
      `${base}/:id/archive`,
      {
        schema: {
          tags,
          summary: `Archive a ${def.label.en.toLowerCase()} (kept, hidden from lists)`,
          params: IdParam,
          response: one,
        },
      },
      async (req) => archiveRecord(def, context(req), req.params.id),
    );
  }
};
