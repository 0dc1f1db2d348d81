import { describe, expect, it } from 'vitest';
import { actionsOf, workflowFaults } from '../workflow/workflow';
import { SUPERVISION_STATES, SUPERVISION_WORKFLOW, stepOrder } from './workflow';

/** Every state × action, written out: the next state, or null where the action is refused. */
// biome-ignore format: a table is read by its columns
const TABLE = {
  //            answer      close     send_back  lapse
  issued:   ['answered', null,     null,      'closed'],
  answered: [null,       'closed', 'issued',  'closed'],
  closed:   [null,       null,     null,      null],
} as const;
const ACTIONS = ['answer', 'close', 'send_back', 'lapse'] as const;

describe('supervision order transition table', () => {
  it('is sound and declares exactly the actions of the table above', () => {
    expect(workflowFaults(SUPERVISION_WORKFLOW)).toEqual([]);
    expect(actionsOf(SUPERVISION_WORKFLOW).sort()).toEqual([...ACTIONS].sort());
  });

  for (const state of SUPERVISION_STATES) {
    ACTIONS.forEach((action, i) => {
      const to = TABLE[state][i];
      it(`${state} × ${action} → ${to ?? 'refused'}`, () => {
        const result = stepOrder(state, action, 'a reason');
        if (to) expect(result).toEqual({ ok: true, to });
        else expect(result).toMatchObject({ ok: false, code: 'not_allowed_now', state });
      });
    });
  }

  it('needs a reason to send back or lapse, not to answer or close', () => {
    expect(stepOrder('answered', 'send_back', ' ')).toEqual({ ok: false, code: 'reason_required' });
    expect(stepOrder('issued', 'lapse')).toEqual({ ok: false, code: 'reason_required' });
    expect(stepOrder('issued', 'answer')).toEqual({ ok: true, to: 'answered' });
    expect(stepOrder('answered', 'close')).toEqual({ ok: true, to: 'closed' });
  });
});
