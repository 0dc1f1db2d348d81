import type { Command } from '../runner';

/** 恢复办理: a shelved event is worked on again at its level. */
export const restore: Command = {
  action: 'restore',
  run: () => ({}),
};
