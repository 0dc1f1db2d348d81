import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/client';
import type { AreaDirectory } from '../areas';
import { acceptance } from './acceptance';
import type { RoutingContext } from './context';
import { createRule, listRules, replaceRule, retireRule } from './rules';
import { AcceptanceQuery, AcceptanceView, ListQuery, RuleBody, RuleId, RuleList, RuleView } from './schemas';

export interface RoutingDeps {
  db: Database;
  areas: AreaDirectory;
}

const tags = ['routing'];
const policy = (action: 'read' | 'create' | 'update' | 'archive') =>
  ({ policy: { resource: 'routing_rules', action } }) as const;

/** Routing rules (分流规则): the district centre edits them; the district and street centres read them. */
export const routingRoutes: FastifyPluginAsyncTypebox<RoutingDeps> = async (app, { db, areas }) => {
  const context = (req: FastifyRequest): RoutingContext => ({
    orm: db.orm,
    areas,
    actor: req.actor!,
    requestId: req.id,
  });

  app.get(
    '/routing-rules',
    {
      config: policy('read'),
      schema: {
        tags,
        summary: 'Routing rules, live ones unless asked',
        querystring: ListQuery,
        response: { 200: RuleList },
      },
    },
    async (req) => listRules(context(req), req.query),
  );

  app.get(
    '/routing-rules/acceptance',
    {
      config: policy('read'),
      schema: {
        tags,
        summary: 'How often dispatchers took the suggestion, overall, per rule version and per category',
        querystring: AcceptanceQuery,
        response: { 200: AcceptanceView },
      },
    },
    async (req) => acceptance(context(req), req.query),
  );

  app.post(
    '/routing-rules',
    {
      config: policy('create'),
      schema: { tags, summary: 'Add a routing rule', body: RuleBody, response: { 201: RuleView } },
    },
    async (req, reply) => reply.status(201).send(await createRule(context(req), req.body)),
  );

  app.post(
    '/routing-rules/:id/replace',
    {
      config: policy('update'),
      schema: {
        tags,
        summary: 'Replace a live rule with a new version (the old one is retired)',
        params: RuleId,
        body: RuleBody,
        response: { 200: RuleView },
      },
    },
    async (req) => replaceRule(context(req), req.params.id, req.body),
  );

  app.post(
    '/routing-rules/:id/retire',
    {
      config: policy('archive'),
      schema: {
        tags,
        summary: 'Retire a live rule (kept for the dispatches it explains)',
        params: RuleId,
        response: { 200: RuleView },
      },
    },
    async (req) => retireRule(context(req), req.params.id),
  );
};
