import { unprocessable } from '../../../lib/errors';
import type { Command } from '../runner';
import { findInReach } from '../runner';

/** 合并: a duplicate joins the event it repeats; both histories and reporters stay, the duplicate counts once. */
export const merge: Command = {
  action: 'merge',
  run: async ({ tx, ctx, event, body }) => {
    const into = body.into!;
    if (into === event.id)
      throw unprocessable(
        'merge_into_itself',
        'into: an event cannot be merged into itself',
        'into：不能合并到自身',
        'into',
      );
    // Read, not locked: two opposite merges at once must not deadlock; the target only has to be open now.
    const target = await findInReach(tx, ctx, into);
    if (['voided', 'merged', 'rated'].includes(target.state))
      throw unprocessable(
        'merge_target_ended',
        `into: event ${target.number} is ${target.state}; merge into an open event`,
        `into：事件 ${target.number} 已结束（${target.state}），请合并到未结束的事件`,
        'into',
      );
    return { set: { mergedInto: into, extensionUntil: null }, details: { into, intoNumber: target.number } };
  },
};
