import { Type } from '@sinclair/typebox';
import { NOTIFICATION_KINDS } from '../../db/notifications-schema';
import { MAX_ID } from '../../plugins/input-bounds';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const NotificationId = Type.Object(
  { id: Type.Integer({ minimum: 1, maximum: MAX_ID, description: 'Notification id' }) },
  { additionalProperties: false },
);

export const NotificationView = Type.Object(
  {
    id: Type.Integer(),
    kind: Type.Unsafe<(typeof NOTIFICATION_KINDS)[number]>({
      type: 'string',
      enum: [...NOTIFICATION_KINDS],
      description:
        'assignment 派遣/待办, send_back 回退, refusal 退回, rating 评价, deadline_warning 预警, supervision 督办',
    }),
    title: Type.String({ description: "The record's own title (an event's)" }),
    body: Type.String({ description: 'Reason or note from the step; may be empty' }),
    recordType: Type.Literal('event'),
    recordId: Type.Integer(),
    link: Type.String({ description: "The record's page in the web app" }),
    details: Type.Record(Type.String(), Type.Unknown(), {
      description: 'Facts for the wording: event number, level, role, department, rating',
    }),
    createdAt: Type.String({ format: 'date-time' }),
    readAt: Nullable(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

export const ListQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ description: 'Only unread messages' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 1024 })),
  },
  { additionalProperties: false },
);

export const NotificationPage = Type.Object({
  items: Type.Array(NotificationView),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const UnreadCount = Type.Object({ unread: Type.Integer({ minimum: 0 }) });
export const ReadAllResult = Type.Object({
  marked: Type.Integer({ minimum: 0, description: 'Messages marked read now' }),
  unread: Type.Integer({ minimum: 0 }),
});
