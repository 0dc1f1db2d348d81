import type { Role } from '../policy/roles';
import { actionsFrom, defineWorkflow, type Step, step } from '../workflow/workflow';

/**
 * The closed loop of a grid event (网格事件). Where an event sits on the ladder (grid → community → street →
 * district centre) is its `level`, not its state: escalating, sending back and a department's refusal move the
 * level and put the event back to `reported` (waiting for that level to take it on). Who may act at which level
 * is the record-level policy's business (server/modules/events/policies.ts); this table says only which
 * actions exist, from which states, and which roles may ever take them.
 */
export const EVENT_STATES = [
  'reported', // 上报: waiting for the current level to accept, handle, escalate or dispatch it
  'in_progress', // 处置中: accepted (受理/立案) at a level, or dispatched to departments
  'handled', // 处置完成: handled on the spot or by the lead department; waiting for on-site verification
  'verified', // 核查通过: waiting to be closed
  'closed', // 结案: waiting for the resident's rating
  'rated', // 已评价
  'shelved', // 挂账: a long-standing hard problem, parked with a reason
  'voided', // 作废
  'merged', // 合并: a duplicate of another event
] as const;
export type EventState = (typeof EVENT_STATES)[number];

export const EVENT_LEVELS = ['grid', 'community', 'street', 'district'] as const;
export type EventLevel = (typeof EVENT_LEVELS)[number];

const OPEN: EventState[] = ['reported', 'in_progress'];

export const EVENT_WORKFLOW = defineWorkflow({
  name: 'events',
  states: EVENT_STATES,
  initial: 'reported',
  terminal: ['rated', 'voided', 'merged'],
  transitions: {
    accept: { from: ['reported'], to: 'in_progress', label: { en: 'Accept', zh: '受理立案' } },
    void: { from: ['reported'], to: 'voided', reason: true, label: { en: 'Void', zh: '作废' } },
    handle: { from: OPEN, to: 'handled', label: { en: 'Handle here', zh: '就地处置' } },
    escalate: { from: OPEN, to: 'reported', reason: true, label: { en: 'Escalate', zh: '上报上级' } },
    send_back: { from: OPEN, to: 'reported', reason: true, label: { en: 'Send back', zh: '回退' } },
    dispatch: { from: OPEN, to: 'in_progress', label: { en: 'Dispatch', zh: '派遣' } },
    refuse: {
      from: ['in_progress'],
      to: 'reported',
      reason: true,
      label: { en: 'Not ours', zh: '退回（非本部门职责）' },
    },
    feedback: { from: ['in_progress'], to: 'same', label: { en: 'Feed back', zh: '协办反馈' } },
    complete: { from: ['in_progress'], to: 'handled', label: { en: 'Report done', zh: '办结反馈' } },
    ask_extension: {
      from: ['in_progress'],
      to: 'same',
      reason: true,
      label: { en: 'Ask for more time', zh: '申请延期' },
    },
    approve_extension: {
      from: ['in_progress'],
      to: 'same',
      label: { en: 'Approve extension', zh: '批准延期' },
    },
    refuse_extension: {
      from: ['in_progress'],
      to: 'same',
      reason: true,
      label: { en: 'Refuse extension', zh: '驳回延期' },
    },
    verify: { from: ['handled'], to: 'verified', label: { en: 'Verified on site', zh: '核查通过' } },
    rework: {
      from: ['handled', 'verified'],
      to: 'in_progress',
      reason: true,
      label: { en: 'Rework', zh: '返工' },
    },
    close: { from: ['verified'], to: 'closed', label: { en: 'Close', zh: '结案' } },
    rate: { from: ['closed'], to: 'rated', label: { en: 'Record rating', zh: '评价' } },
    shelve: { from: OPEN, to: 'shelved', reason: true, label: { en: 'Shelve', zh: '挂账' } },
    restore: { from: ['shelved'], to: 'in_progress', label: { en: 'Restore', zh: '恢复办理' } },
    merge: { from: OPEN, to: 'merged', reason: true, label: { en: 'Merge into another', zh: '合并' } },
  },
});

export type EventAction = keyof typeof EVENT_WORKFLOW.transitions;
export const EVENT_ACTIONS = Object.keys(EVENT_WORKFLOW.transitions) as EventAction[];

const AREA_STAFF: Role[] = ['community_staff', 'street_staff', 'district_centre'];
const LADDER: Role[] = ['grid_worker', 'community_staff', 'street_staff'];

/**
 * Which roles may ever take each action (the resource level of the policy). Level and assignment narrow it
 * per record: a street centre accepts only events at street level in its street, a department feeds back only
 * on work dispatched to it. The rating records a resident's answer (回访), so no role of the people who found or
 * handled the problem takes it on their own record (policies.ts).
 */
export const EVENT_ACTION_ROLES: Record<EventAction, readonly Role[]> = {
  accept: ['grid_worker', ...AREA_STAFF],
  void: AREA_STAFF,
  handle: LADDER,
  escalate: LADDER,
  send_back: AREA_STAFF,
  dispatch: ['district_centre'],
  refuse: ['department_staff'],
  feedback: ['department_staff'],
  complete: ['department_staff'],
  ask_extension: [...LADDER, 'department_staff'],
  approve_extension: AREA_STAFF,
  refuse_extension: AREA_STAFF,
  verify: LADDER,
  rework: ['grid_worker', ...AREA_STAFF],
  close: ['grid_worker', ...AREA_STAFF],
  rate: AREA_STAFF,
  shelve: ['street_staff', 'district_centre'],
  restore: ['street_staff', 'district_centre'],
  merge: AREA_STAFF,
};

/** Roles that report (上报) new events. */
export const EVENT_REPORTER_ROLES: readonly Role[] = ['grid_worker', ...AREA_STAFF];
/** Roles that read events (each within its reach). */
export const EVENT_READER_ROLES: readonly Role[] = [
  'district_leader',
  'grid_worker',
  ...AREA_STAFF,
  'department_staff',
];

export const roleMayTake = (role: Role, action: EventAction) => EVENT_ACTION_ROLES[action].includes(role);

/** The next state of an event, or why not, with the actions the table allows now. */
export const stepEvent = (state: EventState, action: EventAction, reason?: string | null) =>
  step(EVENT_WORKFLOW, state, action, reason) as Step<EventState, EventAction>;

/** Actions the table allows from a state that this role may ever take. */
export const eventActionsFor = (state: EventState, role: Role) =>
  actionsFrom(EVENT_WORKFLOW, state).filter((a) => roleMayTake(role, a));

/** One level up the ladder, or null from the district centre. */
export const levelAbove = (level: EventLevel): EventLevel | null =>
  EVENT_LEVELS[EVENT_LEVELS.indexOf(level) + 1] ?? null;
/** One level down the ladder, or null from the grid. */
export const levelBelow = (level: EventLevel): EventLevel | null =>
  EVENT_LEVELS[EVENT_LEVELS.indexOf(level) - 1] ?? null;
