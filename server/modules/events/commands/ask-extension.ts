import { unprocessable } from '../../../lib/errors';
import type { Command } from '../runner';

/** 申请延期: asks for a later deadline; the state stays and the deadline moves only when approved. */
export const askExtension: Command = {
  action: 'ask_extension',
  run: ({ event, body }) => {
    const until = new Date(body.until!);
    const floor = Math.max(Date.now(), event.dueAt ? new Date(event.dueAt).getTime() : 0);
    if (until.getTime() <= floor)
      throw unprocessable(
        'extension_not_later',
        'until: ask for a time later than now and than the current deadline',
        'until：延期时间应晚于现在和当前期限',
        'until',
      );
    return { set: { extensionUntil: until }, details: { until: until.toISOString() } };
  },
};
