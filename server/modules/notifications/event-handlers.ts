import { sql } from 'drizzle-orm';
import { EVENT_LEVELS, type EventLevel } from '../../../core/events/workflow';
import { execRows, type Orm } from '../../db/client';
import { type NotificationKind, notifications } from '../../db/schema';
import type { OutboxHandler, OutboxHandlers, OutboxMessage } from '../jobs';
import {
  activeAccount,
  departmentStaffByCode,
  type EventPlace,
  leadDepartmentStaff,
  levelStaff,
} from './recipients';

/** The event as it is now, and the step this outbox row follows (same transaction, so the same now()). */
interface Subject extends EventPlace {
  eventId: number;
  number: string;
  title: string;
  reportedBy: number | null;
  actorId: number | null;
  actorDepartment: string | null;
  actorDepartmentName: string | null;
  reason: string | null;
}

async function subjectOf(tx: Orm, message: OutboxMessage, action: string): Promise<Subject | null> {
  const [row] = await execRows<Record<string, unknown>>(
    tx,
    sql`SELECT e.id, e.number, e.title, e.district_id, e.street_id, e.community_id, e.grid_id, e.reported_by,
               s.actor_id, s.reason, d.code AS actor_department, d.name AS actor_department_name
          FROM events e
          LEFT JOIN LATERAL (
            SELECT st.actor_id, st.reason, st.department_id FROM event_steps st JOIN outbox o ON o.id = ${message.id}
             WHERE st.event_id = e.id AND st.action = ${action} AND st.at = o.created_at
             ORDER BY st.id DESC LIMIT 1) s ON true
          LEFT JOIN departments d ON d.id = s.department_id
         WHERE e.id = ${message.recordId}`,
  );
  if (!row) return null;
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    eventId: Number(row.id),
    number: String(row.number),
    title: String(row.title),
    districtId: Number(row.district_id),
    streetId: Number(row.street_id),
    communityId: Number(row.community_id),
    gridId: Number(row.grid_id),
    reportedBy: num(row.reported_by),
    actorId: num(row.actor_id),
    actorDepartment: (row.actor_department as string | null) ?? null,
    actorDepartmentName: (row.actor_department_name as string | null) ?? null,
    reason: (row.reason as string | null) ?? null,
  };
}

interface Message {
  kind: NotificationKind;
  body?: string | null;
  details?: Record<string, unknown>;
}

/** One message to each recipient but the one who took the step; a repeat of the same row adds nothing. */
async function notify(
  tx: Orm,
  message: OutboxMessage,
  subject: Subject,
  recipients: readonly number[],
  m: Message,
) {
  const to = [...new Set(recipients)].filter((id) => id !== subject.actorId);
  if (to.length === 0) return;
  await tx
    .insert(notifications)
    .values(
      to.map((accountId) => ({
        accountId,
        kind: m.kind,
        title: subject.title,
        body: m.body ?? '',
        recordType: 'event' as const,
        recordId: subject.eventId,
        details: { number: subject.number, ...m.details },
        outboxId: message.id,
      })),
    )
    .onConflictDoNothing();
}

const levelOf = (value: unknown): EventLevel | null =>
  EVENT_LEVELS.includes(value as EventLevel) ? (value as EventLevel) : null;

/** A handler for one event action: the step's subject, then who hears of it and what. */
const onEvent =
  (
    action: string,
    decide: (tx: Orm, s: Subject, message: OutboxMessage) => Promise<[readonly number[], Message] | null>,
  ): OutboxHandler =>
  async (tx, message) => {
    const subject = await subjectOf(tx, message, action);
    if (!subject) return;
    const decided = await decide(tx, subject, message);
    if (decided) await notify(tx, message, subject, decided[0], decided[1]);
  };

/** The event now waits at a level (reported there, taken on there, passed up to it): that level's staff. */
const atLevel = (action: string, kind: NotificationKind) =>
  onEvent(action, async (tx, s, message) => {
    const level = levelOf(message.payload.level);
    if (!level) return null;
    return [await levelStaff(tx, s, level), { kind, body: s.reason, details: { level, action } }];
  });

/** Deadline warnings and supervision orders name their event in the payload (an order's row is the record). */
const aboutEvent =
  (
    decide: (tx: Orm, s: Subject, payload: Record<string, unknown>) => Promise<[readonly number[], Message]>,
  ): OutboxHandler =>
  async (tx, message) => {
    const eventId = Number(message.payload.eventId);
    if (!Number.isInteger(eventId)) return;
    const subject = await subjectOf(tx, { ...message, recordId: eventId }, '');
    if (!subject) return;
    const actorId = message.payload.actorId;
    const s = { ...subject, actorId: typeof actorId === 'number' ? actorId : null };
    const [to, m] = await decide(tx, s, message.payload);
    await notify(tx, message, s, to, m);
  };

/** Whose step it is: the lead department's staff when a department leads it, else the level's staff. */
async function responsible(tx: Orm, s: Subject, payload: Record<string, unknown>) {
  const departmentId = payload.departmentId;
  if (typeof departmentId === 'number')
    return (
      await execRows<{ id: number }>(
        tx,
        sql`SELECT id FROM accounts WHERE disabled_at IS NULL AND role = 'department_staff'
             AND department_id = ${departmentId} ORDER BY id`,
      )
    ).map((r) => Number(r.id));
  const level = levelOf(payload.responsibleLevel ?? payload.level);
  return level ? levelStaff(tx, s, level) : [];
}

/** Who issued an order: the account, or for the sweep's orders the centres that oversee them. */
async function issuers(tx: Orm, s: Subject, payload: Record<string, unknown>) {
  if (typeof payload.issuedBy === 'number') return activeAccount(tx, payload.issuedBy);
  const below = ['grid', 'community'].includes(String(payload.responsibleLevel));
  return [...(await levelStaff(tx, s, 'district')), ...(below ? await levelStaff(tx, s, 'street') : [])];
}

const orderDetails = (p: Record<string, unknown>, action: string) => ({
  orderId: p.orderId ?? null,
  step: p.step ?? null,
  action,
});

/** Deadline warnings and supervision orders (督办) from the deadline sweep and the supervision module. */
export const SUPERVISION_NOTIFICATIONS: OutboxHandlers = {
  'event.deadline_warning': [
    aboutEvent(async (tx, s, p) => [
      await responsible(tx, s, p),
      { kind: 'deadline_warning', details: { dueAt: p.dueAt ?? null, step: p.step ?? null, action: 'warn' } },
    ]),
  ],
  'supervision.issued': [
    aboutEvent(async (tx, s, p) => [
      await responsible(tx, s, p),
      { kind: 'supervision', details: orderDetails(p, 'issued') },
    ]),
  ],
  'supervision.send_back': [
    aboutEvent(async (tx, s, p) => [
      await responsible(tx, s, p),
      { kind: 'supervision', details: orderDetails(p, 'send_back') },
    ]),
  ],
  'supervision.answered': [
    aboutEvent(async (tx, s, p) => [
      await issuers(tx, s, p),
      { kind: 'supervision', details: orderDetails(p, 'answered') },
    ]),
  ],
  'supervision.closed': [
    aboutEvent(async (tx, s, p) => [
      [...(await responsible(tx, s, p)), ...(await issuers(tx, s, p))],
      {
        kind: 'supervision',
        details: { ...orderDetails(p, 'closed'), closeReason: p.closeReason ?? 'accepted' },
      },
    ]),
  ],
};

/**
 * Event topics the events module writes (`event.<action>`, see its runner) → messages to the people
 * responsible now. Deadline warnings and supervision orders: SUPERVISION_NOTIFICATIONS above.
 */
export const EVENT_NOTIFICATIONS: OutboxHandlers = {
  'event.report': [atLevel('report', 'assignment')],
  'event.accept': [atLevel('accept', 'assignment')],
  'event.escalate': [atLevel('escalate', 'assignment')],
  'event.send_back': [atLevel('send_back', 'send_back')],
  'event.dispatch': [
    onEvent('dispatch', async (tx, s, message) => {
      const lead = typeof message.payload.lead === 'string' ? message.payload.lead : null;
      const cooperating = Array.isArray(message.payload.cooperating)
        ? message.payload.cooperating.filter((c): c is string => typeof c === 'string')
        : [];
      const leads = lead ? await departmentStaffByCode(tx, s.districtId, [lead]) : [];
      const others = await departmentStaffByCode(tx, s.districtId, cooperating);
      // Two kinds of the same message would collide on the unique key: a lead's staff hear they lead.
      const leadSet = new Set(leads);
      await notify(tx, message, s, leads, {
        kind: 'assignment',
        details: { role: 'lead', lead, action: 'dispatch' },
      });
      return [
        others.filter((id) => !leadSet.has(id)),
        { kind: 'assignment', details: { role: 'cooperating', lead, action: 'dispatch' } },
      ];
    }),
  ],
  'event.refuse': [
    onEvent('refuse', async (tx, s) => [
      await levelStaff(tx, s, 'district'),
      {
        kind: 'refusal',
        body: s.reason,
        details: { department: s.actorDepartment, departmentName: s.actorDepartmentName, action: 'refuse' },
      },
    ]),
  ],
  'event.rework': [
    // Back to whoever handled it: the lead department when it was dispatched, else the level's staff.
    onEvent('rework', async (tx, s, message) => {
      const level = levelOf(message.payload.level);
      const lead = level === 'district' ? await leadDepartmentStaff(tx, s.eventId, ['working', 'done']) : [];
      const to = lead.length || !level ? lead : await levelStaff(tx, s, level);
      return [to, { kind: 'assignment', body: s.reason, details: { level, action: 'rework' } }];
    }),
  ],
  'event.rate': [
    onEvent('rate', async (tx, s, message) => [
      [...(await activeAccount(tx, s.reportedBy)), ...(await leadDepartmentStaff(tx, s.eventId))],
      { kind: 'rating', details: { rating: message.payload.rating ?? null, action: 'rate' } },
    ]),
  ],
};
