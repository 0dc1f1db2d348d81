import { sql } from 'drizzle-orm';
import { execRows } from '../../../db/client';
import { eventAssignments } from '../../../db/schema';
import { unprocessable } from '../../../lib/errors';
import { followsSuggestion, suggestDispatch } from '../../routing';
import type { Command } from '../runner';
import { withdrawLive } from './assignments';

/**
 * 派遣: the district centre hands the event to one lead department and any co-operating ones. A dispatch of
 * an event already dispatched (after a rework or a ruling on a refused lead) replaces the live assignments.
 */
export const dispatch: Command = {
  action: 'dispatch',
  run: async ({ tx, event, body }) => {
    const lead = body.lead!;
    const cooperating = body.cooperating ?? [];
    if (cooperating.includes(lead))
      throw unprocessable(
        'lead_also_cooperating',
        `${lead} cannot both lead and co-operate`,
        `${lead} 不能既主办又协办`,
        'cooperating',
      );
    const codes = [lead, ...cooperating];
    const found = await execRows<{ id: number; code: string }>(
      tx,
      sql`SELECT id, code FROM departments WHERE archived_at IS NULL AND district_id = ${event.districtId}
           AND code IN (${sql.join(
             codes.map((c) => sql`${c}`),
             sql`, `,
           )})`,
    );
    const idOf = new Map(found.map((d) => [d.code, d.id]));
    const unknown = codes.filter((c) => !idOf.has(c));
    if (unknown.length)
      throw unprocessable(
        'unknown_department',
        `No such department in the district: ${unknown.join(', ')}`,
        `本区没有这些部门：${unknown.join('、')}`,
        unknown.includes(lead) ? 'lead' : 'cooperating',
      );
    // What was suggested, and whether it was taken, stays on the step: the acceptance rate reads it back.
    const suggested = await suggestDispatch(tx, event);
    const suggestion = { ...suggested, followed: followsSuggestion(suggested, lead, cooperating) };
    await withdrawLive(tx, event.id);
    await tx.insert(eventAssignments).values([
      { eventId: event.id, departmentId: idOf.get(lead)!, role: 'lead', state: 'working' },
      ...cooperating.map((c) => ({
        eventId: event.id,
        departmentId: idOf.get(c)!,
        role: 'cooperating' as const,
        state: 'working' as const,
      })),
    ]);
    return {
      set: { extensionUntil: null },
      departmentId: idOf.get(lead)!,
      details: { lead, cooperating, suggestion },
    };
  },
};
