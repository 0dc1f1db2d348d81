import { sql } from 'drizzle-orm';
import { execRows, type Orm } from '../../../db/client';
import type { AssignmentRole } from '../../../db/events-schema';
import { conflict } from '../../../lib/errors';

/** The actor's department's live assignment on the event in this role, locked, or a 409 saying it has none. */
export async function myAssignment(
  tx: Orm,
  eventId: number,
  departmentId: number | null,
  role: AssignmentRole,
) {
  const [row] = await execRows<{ id: number }>(
    tx,
    sql`SELECT id FROM event_assignments WHERE event_id = ${eventId} AND department_id = ${departmentId}
         AND role = ${role} AND state = 'working' ORDER BY id DESC LIMIT 1 FOR UPDATE`,
  );
  if (!row)
    throw conflict(
      'not_assigned',
      `Your department has no open ${role} assignment on this event`,
      `本部门在该事件上没有待办的${role === 'lead' ? '主办' : '协办'}任务`,
    );
  return row.id;
}

export async function answerAssignment(
  tx: Orm,
  id: number,
  state: 'fed_back' | 'done' | 'refused',
  feedback: string | null,
) {
  await tx.execute(
    sql`UPDATE event_assignments SET state = ${state}, feedback = ${feedback}, answered_at = now() WHERE id = ${id}`,
  );
}

/** Ends every live assignment of the event (a re-dispatch, or the lead sending it back to the centre). */
export async function withdrawLive(tx: Orm, eventId: number) {
  await tx.execute(
    sql`UPDATE event_assignments SET state = 'withdrawn', answered_at = now()
         WHERE event_id = ${eventId} AND state IN ('working', 'fed_back', 'done')`,
  );
}
