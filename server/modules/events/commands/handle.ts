import type { Command } from '../runner';

/** 就地处置: solved at the current level (a grid worker on the spot); what was done is the step's note. */
export const handle: Command = {
  action: 'handle',
  run: () => ({ set: { extensionUntil: null } }),
};
