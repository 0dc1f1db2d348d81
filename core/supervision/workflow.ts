import { defineWorkflow, step } from '../workflow/workflow';

/**
 * A supervision order (督办): issued to the unit responsible for an overdue step of an event (by the deadline
 * sweep, or by the district or a street centre by hand), answered by that unit (what was done, when it will be
 * finished), then closed (the answer accepted) or sent back (not good enough: answer again). An order whose
 * event has moved on is closed by the system (`lapse`), whatever it was waiting for.
 */
export const SUPERVISION_STATES = ['issued', 'answered', 'closed'] as const;
export type SupervisionState = (typeof SUPERVISION_STATES)[number];

export const SUPERVISION_WORKFLOW = defineWorkflow({
  name: 'supervision order',
  states: SUPERVISION_STATES,
  initial: 'issued',
  terminal: ['closed'],
  transitions: {
    answer: { from: ['issued'], to: 'answered', label: { en: 'Answer', zh: '答复' } },
    close: { from: ['answered'], to: 'closed', label: { en: 'Accept and close', zh: '办结' } },
    send_back: {
      from: ['answered'],
      to: 'issued',
      reason: true,
      label: { en: 'Send back', zh: '退回重答' },
    },
    lapse: {
      from: ['issued', 'answered'],
      to: 'closed',
      reason: true,
      label: { en: 'Closed: the event moved on', zh: '事件已推进，自动办结' },
    },
  },
});

export type SupervisionAction = keyof typeof SUPERVISION_WORKFLOW.transitions;
/** The actions a person takes through the API; `lapse` is the system's alone. */
export const PERSON_ACTIONS = [
  'answer',
  'close',
  'send_back',
] as const satisfies readonly SupervisionAction[];
export type PersonAction = (typeof PERSON_ACTIONS)[number];

/** Why an order was closed. */
export const CLOSE_REASONS = ['accepted', 'event_moved_on'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const stepOrder = (state: SupervisionState, action: SupervisionAction, reason?: string | null) =>
  step(SUPERVISION_WORKFLOW, state, action, reason);
