import { sql } from 'drizzle-orm';
import type { Command } from '../runner';

/** 返工: verification found the fix wanting; back to whoever handled it (the lead department's task reopens). */
export const rework: Command = {
  action: 'rework',
  run: async ({ tx, event }) => {
    if (event.level === 'district')
      await tx.execute(
        sql`UPDATE event_assignments SET state = 'working', answered_at = NULL
             WHERE id = (SELECT id FROM event_assignments WHERE event_id = ${event.id} AND role = 'lead'
                          AND state = 'done' ORDER BY id DESC LIMIT 1)`,
      );
    return { set: { closedByFinder: false } };
  },
};
