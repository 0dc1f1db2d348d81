import { levelBelow } from '../../../../core/events/workflow';
import { conflict } from '../../../lib/errors';
import type { Command } from '../runner';

/** 回退: one level down, for the level below to handle it (the reason says why it is theirs). */
export const sendBack: Command = {
  action: 'send_back',
  run: ({ event }) => {
    const level = levelBelow(event.level);
    if (!level)
      throw conflict('bottom_of_ladder', 'The grid is the lowest level', '网格为最低层级，不能回退');
    return { set: { level, extensionUntil: null }, details: { toLevel: level } };
  },
};
