import type { Command } from '../runner';

/** 核查: the fix was seen on site. */
export const verify: Command = {
  action: 'verify',
  run: () => ({}),
};
