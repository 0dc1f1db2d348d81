import type { Command } from '../runner';
import { answerAssignment, myAssignment } from './assignments';

/** 协办反馈: a co-operating department reports its part; the event stays with the lead. */
export const feedback: Command = {
  action: 'feedback',
  run: async ({ tx, ctx, event, body }) => {
    const id = await myAssignment(tx, event.id, ctx.actor.departmentId, 'cooperating');
    await answerAssignment(tx, id, 'fed_back', body.note ?? null);
    return {};
  },
};
