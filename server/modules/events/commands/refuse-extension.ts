import type { Command } from '../runner';

/** 驳回延期: the deadline stays; the reason is on the step. */
export const refuseExtension: Command = {
  action: 'refuse_extension',
  run: () => ({ set: { extensionUntil: null } }),
};
