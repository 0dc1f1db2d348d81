import { type TProperties, type TSchema, Type } from '@sinclair/typebox';
import { EVENT_KINDS } from '../../../core/events/catalogue';
import { type EVENT_ACTIONS, EVENT_LEVELS, EVENT_STATES } from '../../../core/events/workflow';
import { MAX_ID } from '../../plugins/input-bounds';

export const Id = (description?: string) => Type.Integer({ minimum: 1, maximum: MAX_ID, description });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** One of a fixed list of codes (the migration's CHECK constraint lists the same), typed as their union. */
export const OneOf = <const T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({
    type: 'string',
    enum: [...values],
    ...(description === undefined ? {} : { description }),
  });

export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export const SOURCES = ['patrol', 'resident', 'hotline', 'external'] as const;
export const LIST_SORTS = ['created', 'due', 'urgency'] as const;

export const EventId = Type.Object({ id: Id('Event id') }, { additionalProperties: false });

export const ReportBody = Type.Object(
  {
    kind: OneOf(EVENT_KINDS, 'dispute 纠纷, hazard 隐患, service request 服务需求, other'),
    categoryCode: Type.String({
      pattern: '^[0-9]{2}(\\.[0-9]{2})?$',
      description: "Catalogue code, e.g. '11'",
    }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    addressText: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    urgency: Type.Optional(OneOf(URGENCIES, "'emergency' (直报) goes straight to the district centre")),
    source: Type.Optional(OneOf(SOURCES)),
    reporterName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    reporterPhone: Type.Optional(Type.String({ minLength: 5, maxLength: 20 })),
    anonymous: Type.Optional(Type.Boolean()),
    addressId: Type.Optional(Id()),
    houseId: Type.Optional(Id()),
    residentId: Type.Optional(Id()),
    enterpriseId: Type.Optional(Id()),
  },
  { additionalProperties: false },
);

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({
    minLength: 8,
    maxLength: 200,
    pattern: '^[A-Za-z0-9._:-]+$',
    description: 'One key per report (a UUID): a repeat answers the first answer and writes nothing',
  }),
});

const common = {
  version: Type.Integer({
    minimum: 1,
    maximum: MAX_ID,
    description: 'The version you read; 409 if it changed',
  }),
  note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
};
const Reason = Type.String({ minLength: 1, maxLength: 1000 });
const DepartmentCode = Type.String({ pattern: '^[a-z_]{2,40}$' });

const body = (props: TProperties) => Type.Object({ ...common, ...props }, { additionalProperties: false });

/** Each action's body: version, a reason where the loop requires one, and the action's own fields. */
export const ACTION_BODIES = {
  accept: body({}),
  void: body({ reason: Reason }),
  handle: body({ note: Type.String({ minLength: 1, maxLength: 2000, description: 'What was done' }) }),
  escalate: body({ reason: Reason }),
  send_back: body({ reason: Reason }),
  dispatch: body({
    lead: DepartmentCode,
    cooperating: Type.Optional(Type.Array(DepartmentCode, { maxItems: 10, uniqueItems: true })),
  }),
  refuse: body({ reason: Reason }),
  feedback: body({ note: Type.String({ minLength: 1, maxLength: 2000, description: 'The feedback' }) }),
  complete: body({ note: Type.String({ minLength: 1, maxLength: 2000, description: 'What was done' }) }),
  ask_extension: body({ reason: Reason, until: Type.String({ format: 'date-time' }) }),
  approve_extension: body({}),
  refuse_extension: body({ reason: Reason }),
  verify: body({}),
  rework: body({ reason: Reason }),
  close: body({}),
  rate: body({
    rating: Type.Integer({ minimum: 1, maximum: 5, description: '1 very dissatisfied … 5 very satisfied' }),
  }),
  shelve: body({ reason: Reason }),
  restore: body({}),
  merge: body({ reason: Reason, into: Id('The event this one duplicates') }),
} satisfies Record<(typeof EVENT_ACTIONS)[number], TSchema>;

export interface ActionBody {
  version: number;
  note?: string;
  reason?: string;
  lead?: string;
  cooperating?: string[];
  until?: string;
  rating?: number;
  into?: number;
}

export const ListQuery = Type.Object(
  {
    state: Type.Optional(OneOf(EVENT_STATES)),
    level: Type.Optional(OneOf(EVENT_LEVELS)),
    kind: Type.Optional(OneOf(EVENT_KINDS)),
    categoryCode: Type.Optional(Type.String({ pattern: '^[0-9]{2}(\\.[0-9]{2})?$' })),
    area: Type.Optional(
      Type.String({ pattern: '^[0-9]{15}$', description: 'Area code: events in its subtree' }),
    ),
    urgency: Type.Optional(OneOf(URGENCIES)),
    overdue: Type.Optional(
      Type.Boolean({ description: 'true: only events past their deadline; false: only those not past it' }),
    ),
    sort: Type.Optional(
      OneOf(LIST_SORTS, "'created' (default), 'due' (no deadline counts as latest), 'urgency' (by rank)"),
    ),
    order: Type.Optional(OneOf(['asc', 'desc'] as const, "Default 'desc'")),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 1024 })),
  },
  { additionalProperties: false },
);

export const QUEUES = [
  'triage',
  'in_hand',
  'extension_requests',
  'verification',
  'closing',
  'rating',
] as const;
export type QueueName = (typeof QUEUES)[number];

export const QueueQuery = Type.Object(
  {
    queue: Type.Optional(OneOf(QUEUES)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 1024, description: 'nextCursor of the page before' })),
  },
  { additionalProperties: false },
);

export const ChangesQuery = Type.Object(
  {
    since: Type.Optional(Type.String({ maxLength: 1024, description: 'nextCursor of the last call' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
