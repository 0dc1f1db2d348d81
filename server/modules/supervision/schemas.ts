import { type TSchema, Type } from '@sinclair/typebox';
import { EVENT_LEVELS } from '../../../core/events/workflow';
import { PERSON_ACTIONS, SUPERVISION_STATES } from '../../../core/supervision/workflow';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const OneOf = <const T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] });

export const OrderId = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

const Version = Type.Integer({ minimum: 1, description: 'The version you read; 409 if it changed' });

export const IssueBody = Type.Object(
  {
    eventId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
    reason: Type.String({ minLength: 1, maxLength: 1000, description: 'Why the step is chased (督办事由)' }),
  },
  { additionalProperties: false },
);

export const ACTION_BODIES = {
  answer: Type.Object(
    {
      version: Version,
      answer: Type.String({ minLength: 1, maxLength: 2000, description: 'What was done (办理情况)' }),
      finishBy: Type.String({ format: 'date-time', description: 'When it will be finished (预计办结时间)' }),
    },
    { additionalProperties: false },
  ),
  close: Type.Object(
    { version: Version, note: Type.Optional(Type.String({ maxLength: 1000 })) },
    { additionalProperties: false },
  ),
  send_back: Type.Object(
    { version: Version, reason: Type.String({ minLength: 1, maxLength: 1000 }) },
    { additionalProperties: false },
  ),
};
export interface ActionBody {
  version: number;
  answer?: string;
  finishBy?: string;
  note?: string;
  reason?: string;
}

export const ListQuery = Type.Object(
  {
    box: Type.Optional(
      Type.Union([Type.Literal('to_answer'), Type.Literal('issued'), Type.Literal('all')], {
        description: 'to_answer: mine to answer; issued: issued by me; all (default): every order I may see',
      }),
    ),
    state: Type.Optional(OneOf(SUPERVISION_STATES)),
    overdue: Type.Optional(
      Type.Boolean({ description: 'Only orders waiting for an answer past its due time' }),
    ),
    eventId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

export const OrderView = Type.Object({
  id: Type.Integer(),
  eventId: Type.Integer(),
  eventNumber: Type.String(),
  eventTitle: Type.String(),
  step: Type.String(),
  responsibleLevel: OneOf(EVENT_LEVELS),
  responsibleAreaId: Type.Integer(),
  responsibleAreaName: Type.String(),
  departmentId: Type.Union([Type.Integer(), Type.Null()]),
  departmentName: Nullable(Type.String()),
  issuedBy: Type.Union([Type.Integer(), Type.Null()]),
  issuer: Type.String(),
  reason: Type.String(),
  dueAt: Type.String(),
  overdue: Type.Boolean(),
  state: OneOf(SUPERVISION_STATES),
  answer: Nullable(Type.String()),
  finishBy: Nullable(Type.String()),
  sentBackReason: Nullable(Type.String()),
  closeReason: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String(),
  answeredAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  allowedActions: Type.Array(OneOf(PERSON_ACTIONS)),
});

export const OrderList = Type.Object({ items: Type.Array(OrderView) });

export const Refusal = Type.Object({
  statusCode: Type.Integer(),
  code: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String()),
  state: Type.Optional(Type.String()),
  version: Type.Optional(Type.Integer()),
  allowedActions: Type.Optional(Type.Array(Type.String())),
});
