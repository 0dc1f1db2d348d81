// What an action does to the departments' assignments, as the events module's commands do: a dispatch
// withdraws the live ones and assigns a lead and co-operating departments; feedback, completion and refusal
// answer them; a rework at the district reopens the lead's.
import type { EventAction, EventLevel } from '../../../../core/events/workflow';
import type { Assignment } from './draft';
import type { ActOptions } from './path';

/** Answers the assignments an action changes, at `at`. */
export function applyToAssignments(
  list: Assignment[],
  action: EventAction,
  o: ActOptions,
  level: EventLevel,
  at: number,
) {
  const live = (a: Assignment) => a.state === 'working' || a.state === 'fed_back' || a.state === 'done';
  const answer = (a: Assignment, state: Assignment['state']) => {
    a.state = state;
    a.answeredAt = at;
  };
  if (action === 'dispatch') {
    for (const a of list) if (live(a)) answer(a, 'withdrawn');
    const { lead, cooperating } = o.details as { lead: string; cooperating: string[] };
    list.push({
      department: lead,
      role: 'lead',
      state: 'working',
      feedback: null,
      assignedAt: at,
      answeredAt: null,
    });
    for (const d of cooperating)
      list.push({
        department: d,
        role: 'cooperating',
        state: 'working',
        feedback: null,
        assignedAt: at,
        answeredAt: null,
      });
  }
  const mine = (role: Assignment['role']) =>
    list.findLast((a) => a.department === o.department && a.role === role && a.state === 'working');
  if (action === 'feedback')
    Object.assign(mine('cooperating')!, { state: 'fed_back', feedback: o.note, answeredAt: at });
  if (action === 'complete')
    Object.assign(mine('lead')!, { state: 'done', feedback: o.note, answeredAt: at });
  if (action === 'refuse') {
    const lead = mine('lead')!;
    for (const a of list) if (live(a)) answer(a, 'withdrawn');
    Object.assign(lead, { state: 'refused', feedback: o.reason, answeredAt: at });
  }
  if (action === 'rework' && level === 'district') {
    const done = list.findLast((a) => a.role === 'lead' && a.state === 'done');
    if (done) Object.assign(done, { state: 'working', answeredAt: null });
  }
}
