import type { Command } from '../runner';

/** 挂账: a long-standing hard problem parked with a reason; its pending extension request lapses. */
export const shelve: Command = {
  action: 'shelve',
  run: () => ({ set: { extensionUntil: null } }),
};
