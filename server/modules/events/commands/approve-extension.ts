import type { Command } from '../runner';

/** 批准延期: the deadline of the current step moves to the time asked for. */
export const approveExtension: Command = {
  action: 'approve_extension',
  run: ({ event }) => ({
    set: { dueAt: event.extensionUntil, warnAt: null, extensionUntil: null },
    details: { until: event.extensionUntil ? new Date(event.extensionUntil).toISOString() : null },
  }),
};
