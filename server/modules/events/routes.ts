import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EVENT_ACTIONS, EVENT_WORKFLOW, type EventAction } from '../../../core/events/workflow';
import { requestLanguage } from '../../lib/http-errors';
import { presentSuggestion, SuggestionView, suggestDispatch } from '../routing';
import { COMMANDS } from './commands';
import type { EventContext, EventsDeps } from './context';
import { DuplicateList, DuplicatesQuery, findDuplicates } from './duplicates';
import { presentEvent } from './presenter';
import { changesSince, listEvents } from './queries';
import { queueOf } from './queue';
import { TransitionRefused } from './refusals';
import { reportEvent } from './report';
import { findInReach, runTransition } from './runner';
import {
  ACTION_BODIES,
  type ActionBody,
  ChangesQuery,
  EventId,
  IdempotencyHeaders,
  ListQuery,
  QueueQuery,
  ReportBody,
} from './schemas';
import { ChangesPage, EventView, Page, QueuePage, Refusal } from './views';

const tags = ['events'];
const policy = (action: 'read' | 'create' | EventAction) =>
  ({ policy: { resource: 'events', action } }) as const;

/** A refused transition answers with the event's current state, version and the actions allowed now. */
function sendRefusal(req: FastifyRequest, reply: FastifyReply, err: TransitionRefused) {
  req.log.info({ code: err.code }, 'event transition refused');
  return reply.status(err.statusCode).send({
    statusCode: err.statusCode,
    code: err.code,
    message: err.text[requestLanguage(req)],
    field: err.field,
    state: err.state,
    version: err.version,
    allowedActions: err.allowedActions,
  });
}

/** Grid events: report, one route per action of the loop, the event page, lists, queues, the change feed. */
export const eventRoutes: FastifyPluginAsyncTypebox<EventsDeps> = async (app, deps) => {
  const context = (req: FastifyRequest): EventContext => ({ ...deps, actor: req.actor!, requestId: req.id });

  app.post(
    '/events',
    {
      config: policy('create'),
      schema: {
        tags,
        summary: 'Report an event (上报); a repeat with the same Idempotency-Key answers the first answer',
        headers: IdempotencyHeaders,
        body: ReportBody,
        response: { 201: EventView },
      },
    },
    async (req, reply) => {
      const { replayed, view } = await reportEvent(
        context(req),
        req.headers['idempotency-key'],
        req.body as Static<typeof ReportBody>,
      );
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/events',
    {
      config: policy('read'),
      schema: {
        tags,
        summary: 'Events I may see, newest first, with filters',
        querystring: ListQuery,
        response: { 200: Page },
      },
    },
    async (req) => listEvents(context(req), req.query as Static<typeof ListQuery>),
  );

  app.get(
    '/events/queue',
    {
      config: policy('read'),
      schema: {
        tags,
        summary:
          'My to-do: reports to take on, work in hand, verifications, closings, ratings — counts and overdue marks',
        querystring: QueueQuery,
        response: { 200: QueuePage },
      },
    },
    async (req) => queueOf(context(req), req.query as Static<typeof QueueQuery>),
  );

  app.get(
    '/events/changes',
    {
      config: policy('read'),
      schema: {
        tags,
        summary: 'Change feed: steps of events I may see since a cursor, for other systems',
        querystring: ChangesQuery,
        response: { 200: ChangesPage },
      },
    },
    async (req) => changesSince(context(req), req.query),
  );

  app.get(
    '/events/duplicates',
    {
      config: policy('create'),
      schema: {
        tags,
        summary: 'Before reporting: open events of the category within 50 m reported in the last 7 days',
        querystring: DuplicatesQuery,
        response: { 200: DuplicateList },
      },
    },
    async (req) => findDuplicates(context(req), req.query),
  );

  app.get(
    '/events/:id/dispatch-suggestion',
    {
      config: policy('dispatch'),
      schema: {
        tags,
        summary:
          'The departments a dispatch is suggested to: the most specific live routing rule, else the catalogue',
        params: EventId,
        response: { 200: SuggestionView },
      },
    },
    async (req) => {
      const event = await findInReach(deps.db.orm, context(req), req.params.id);
      return presentSuggestion(deps.areas, await suggestDispatch(deps.db.orm, event));
    },
  );

  app.get(
    '/events/:id',
    {
      config: policy('read'),
      schema: {
        tags,
        summary: 'An event with its steps, departments and the actions I may take now',
        params: EventId,
        response: { 200: EventView },
      },
    },
    async (req) => {
      const ctx = context(req);
      return presentEvent(deps.db.orm, ctx.actor, await findInReach(deps.db.orm, ctx, req.params.id));
    },
  );

  for (const action of EVENT_ACTIONS) {
    const label = EVENT_WORKFLOW.transitions[action].label;
    app.post(
      `/events/:id/${action.replaceAll('_', '-')}`,
      {
        config: policy(action),
        schema: {
          tags,
          summary: `${label.en} (${label.zh})`,
          params: EventId,
          body: ACTION_BODIES[action],
          response: { 200: EventView, 403: Refusal, 409: Refusal },
        },
      },
      async (req, reply) => {
        try {
          return await runTransition(context(req), req.params.id, COMMANDS[action], req.body as ActionBody);
        } catch (err) {
          if (err instanceof TransitionRefused) return sendRefusal(req, reply, err);
          throw err;
        }
      },
    );
  }
};
