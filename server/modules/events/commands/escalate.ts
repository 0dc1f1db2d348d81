import { levelAbove } from '../../../../core/events/workflow';
import { conflict } from '../../../lib/errors';
import type { Command } from '../runner';

/** 上报上级: one level up the ladder, waiting there to be taken on (the next level's clock starts). */
export const escalate: Command = {
  action: 'escalate',
  run: ({ event }) => {
    const level = levelAbove(event.level);
    if (!level)
      throw conflict(
        'top_of_ladder',
        'The district centre is the top level: dispatch it instead',
        '区分流中心为最高层级，请派遣',
      );
    return { set: { level, extensionUntil: null }, details: { toLevel: level } };
  },
};
