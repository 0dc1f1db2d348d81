import type { Command } from '../runner';

/** 受理/立案: the current level takes the event on. */
export const accept: Command = {
  action: 'accept',
  run: () => ({}),
};
