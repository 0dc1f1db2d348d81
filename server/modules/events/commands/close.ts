import { sql } from 'drizzle-orm';
import type { Command } from '../runner';

/** 结案. An event a grid worker both found and closed is marked as such, for spot checks (抽查). */
export const close: Command = {
  action: 'close',
  run: ({ ctx, event }) => ({
    set: {
      closedAt: sql`now()`,
      closedByFinder: ctx.actor.role === 'grid_worker' && event.reportedBy === ctx.actor.accountId,
    },
  }),
};
