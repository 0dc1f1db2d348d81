import { Type } from '@sinclair/typebox';
import { EVENT_ACTIONS, EVENT_LEVELS, EVENT_STATES } from '../../../core/events/workflow';
import { MergedEvent } from './merged';
import { Nullable, OneOf, QUEUES } from './schemas';

// What the events routes answer: the event page, list and queue items, the change feed, refusals.

const Step = Type.Object({
  id: Type.Integer(),
  action: Type.String(),
  fromState: Nullable(Type.String()),
  toState: Type.String(),
  fromLevel: Nullable(Type.String()),
  level: Type.String(),
  actorName: Nullable(Type.String()),
  actorRole: Nullable(
    Type.String({
      description: "The actor's role when the step was taken (null for steps before it was kept)",
    }),
  ),
  actorOffice: Nullable(
    Type.String({ description: "The actor's department, or the areas of the actor's office, at that time" }),
  ),
  department: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  note: Nullable(Type.String()),
  details: Type.Unknown(),
  dueAt: Nullable(Type.String()),
  at: Type.String(),
});

const Assignment = Type.Object({
  departmentCode: Type.String(),
  departmentName: Type.String(),
  role: Type.String(),
  state: Type.String(),
  feedback: Nullable(Type.String()),
});

export const EventSummary = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  kind: Type.String(),
  categoryCode: Type.String(),
  title: Type.String(),
  state: OneOf(EVENT_STATES),
  level: OneOf(EVENT_LEVELS),
  urgency: Type.String(),
  districtId: Type.Integer(),
  streetId: Type.Integer(),
  communityId: Type.Integer(),
  gridId: Type.Integer(),
  dueAt: Nullable(Type.String()),
  warnAt: Nullable(
    Type.String({ description: "When the step's clock reaches 80 % of its working time (即将到期)" }),
  ),
  overdue: Type.Boolean(),
  lat: Type.Number(),
  lng: Type.Number(),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const EventView = Type.Object({
  ...EventSummary.properties,
  description: Type.String(),
  addressText: Nullable(Type.String()),
  source: Type.String(),
  sensitive: Type.Boolean(),
  anonymous: Type.Boolean(),
  reporter: Nullable(
    Type.Object({
      accountName: Nullable(Type.String()),
      name: Nullable(Type.String()),
      phoneMasked: Nullable(Type.String()),
    }),
  ),
  links: Type.Object({
    addressId: Nullable(Type.Integer()),
    houseId: Nullable(Type.Integer()),
    residentId: Nullable(Type.Integer()),
    enterpriseId: Nullable(Type.Integer()),
  }),
  mergedInto: Nullable(Type.Integer()),
  mergedEvents: Type.Array(MergedEvent, {
    description: 'Duplicates merged into this event, with their reporters',
  }),
  extensionUntil: Nullable(Type.String()),
  rating: Nullable(Type.Integer()),
  closedByFinder: Type.Boolean(),
  closedAt: Nullable(Type.String()),
  assignments: Type.Array(Assignment),
  steps: Type.Array(Step),
  allowedActions: Type.Array(OneOf(EVENT_ACTIONS), { description: 'What the caller may do now' }),
});

export const Refusal = Type.Object(
  {
    statusCode: Type.Integer(),
    code: Type.String({ description: "'forbidden', 'not_your_step', 'not_allowed_now', 'version_conflict'" }),
    message: Type.String(),
    field: Type.Optional(Type.String()),
    state: Type.Optional(OneOf(EVENT_STATES, 'The state the event is in now')),
    version: Type.Optional(Type.Integer({ description: 'Its version now' })),
    allowedActions: Type.Optional(
      Type.Array(OneOf(EVENT_ACTIONS), { description: 'What the caller may do now' }),
    ),
  },
  { description: 'A refused transition, with what the client needs to redraw its buttons' },
);

export const Page = Type.Object({ items: Type.Array(EventSummary), nextCursor: Nullable(Type.String()) });

export const QueuePage = Type.Object({
  counts: Type.Record(Type.String(), Type.Object({ total: Type.Integer(), overdue: Type.Integer() })),
  items: Type.Array(Type.Object({ ...EventSummary.properties, queue: OneOf(QUEUES) })),
  nextCursor: Nullable(Type.String()),
});

export const ChangesPage = Type.Object({
  items: Type.Array(
    Type.Object({
      stepId: Type.Integer(),
      eventId: Type.Integer(),
      number: Type.String(),
      action: Type.String(),
      fromState: Nullable(Type.String()),
      toState: Type.String(),
      level: Type.String(),
      at: Type.String(),
    }),
  ),
  nextCursor: Nullable(Type.String({ description: 'Pass as `since`; the same cursor when nothing changed' })),
});
