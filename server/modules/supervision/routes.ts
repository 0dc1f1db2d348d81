import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { PERSON_ACTIONS, SUPERVISION_WORKFLOW } from '../../../core/supervision/workflow';
import type { Database } from '../../db/client';
import { requestLanguage } from '../../lib/http-errors';
import { issueOrder, OrderRefused, takeAction } from './commands';
import { getOrder, listOrders } from './queries';
import {
  ACTION_BODIES,
  type ActionBody,
  IssueBody,
  ListQuery,
  OrderId,
  OrderList,
  OrderView,
  Refusal,
} from './schemas';

export interface SupervisionDeps {
  db: Database;
}

const tags = ['supervision'];
const policy = (action: 'read' | 'create' | 'answer' | 'close' | 'send_back') =>
  ({ policy: { resource: 'supervision_orders', action } }) as const;

/** Supervision orders (督办): my list, an order, issuing by hand, and answer / close / send back. */
export const supervisionRoutes: FastifyPluginAsyncTypebox<SupervisionDeps> = async (app, { db }) => {
  const ctx = (req: FastifyRequest) => ({ db, actor: req.actor!, requestId: req.id });

  app.get(
    '/supervision-orders',
    {
      config: policy('read'),
      schema: {
        tags,
        summary: 'Supervision orders I may see: mine to answer, the ones I issued; filters state and overdue',
        querystring: ListQuery,
        response: { 200: OrderList },
      },
    },
    async (req) => listOrders(db.orm, req.actor!, req.query as Static<typeof ListQuery>),
  );

  app.get(
    '/supervision-orders/:id',
    {
      config: policy('read'),
      schema: {
        tags,
        summary: 'A supervision order and the actions I may take now',
        params: OrderId,
        response: { 200: OrderView },
      },
    },
    async (req) => getOrder(db.orm, req.actor!, req.params.id),
  );

  app.post(
    '/supervision-orders',
    {
      config: policy('create'),
      schema: {
        tags,
        summary: 'Issue a supervision order by hand on an event’s current step (督办), with a reason',
        body: IssueBody,
        response: { 201: OrderView, 409: Refusal },
      },
    },
    async (req, reply) => reply.status(201).send(await issueOrder(ctx(req), req.body)),
  );

  for (const action of PERSON_ACTIONS) {
    const label = SUPERVISION_WORKFLOW.transitions[action].label;
    app.post(
      `/supervision-orders/:id/${action}`,
      {
        config: policy(action),
        schema: {
          tags,
          summary: `${label.en} (${label.zh})`,
          params: OrderId,
          body: ACTION_BODIES[action],
          response: { 200: OrderView, 403: Refusal, 409: Refusal },
        },
      },
      async (req, reply) => {
        try {
          return await takeAction(ctx(req), req.params.id, action, req.body as ActionBody);
        } catch (err) {
          if (!(err instanceof OrderRefused)) throw err;
          return reply.status(err.status).send({
            statusCode: err.statusCode,
            code: err.code,
            message: err.text[requestLanguage(req)],
            field: err.field,
            state: err.state,
            version: err.version,
            allowedActions: err.allowedActions,
          });
        }
      },
    );
  }
};
