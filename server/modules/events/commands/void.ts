import type { Command } from '../runner';

/** 作废: not an event (a prank, out of remit, reported in error); the reason is on the step. */
export const voidEvent: Command = {
  action: 'void',
  run: () => ({ set: { extensionUntil: null } }),
};
