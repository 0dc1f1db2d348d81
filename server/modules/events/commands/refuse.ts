import type { Command } from '../runner';
import { answerAssignment, myAssignment, withdrawLive } from './assignments';

/**
 * 退回 (not ours): the lead department hands the event back to the district centre's triage queue with a
 * reason; the co-operating assignments end with it, and the centre re-dispatches or rules on the dispute.
 * While it is back at the centre the centre's clock runs, not the department's.
 */
export const refuse: Command = {
  action: 'refuse',
  run: async ({ tx, ctx, event, body }) => {
    const id = await myAssignment(tx, event.id, ctx.actor.departmentId, 'lead');
    await withdrawLive(tx, event.id);
    await answerAssignment(tx, id, 'refused', body.reason ?? null);
    return { set: { extensionUntil: null } };
  },
};
