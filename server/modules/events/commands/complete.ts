import type { Command } from '../runner';
import { answerAssignment, myAssignment } from './assignments';

/** 办结反馈: the lead department's feedback ends handling; the event waits for on-site verification. */
export const complete: Command = {
  action: 'complete',
  run: async ({ tx, ctx, event, body }) => {
    const id = await myAssignment(tx, event.id, ctx.actor.departmentId, 'lead');
    await answerAssignment(tx, id, 'done', body.note ?? null);
    return { set: { extensionUntil: null } };
  },
};
