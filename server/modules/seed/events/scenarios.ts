// The ways an event goes through the loop, as scripts of actions. Each names where it is reported and by whom;
// the path (path.ts) checks every action against the table and picks the account whose step it is.
import type { EventCategory } from '../../../../core/events/catalogue';
import type { EventLevel } from '../../../../core/events/workflow';
import type { Random } from '../../../../core/random';
import type { EventSource } from '../../../db/events-schema';
import type { Crew, Path } from './path';
import { noteFor, reasonFor } from './texts';

export const SCENARIOS = [
  // closed at grid, community or street level
  'grid_spot',
  'grid',
  'community',
  'community_direct',
  'street',
  'hotline_back',
  'refused_back',
  'restored',
  // closed at the district centre after the departments' work
  'dispatched',
  'emergency',
  'redispatched',
  // registered, not closed
  'shelved_street',
  'shelved_district',
  // not registered
  'voided',
  'voided_escalated',
  'voided_hotline',
  'pending',
  'merged',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface Variant {
  rework: boolean;
  extension: 'approved' | 'refused' | null;
  /** Taken on (accepted) at the lower level before it was escalated. */
  acceptFirst: boolean;
  rating: number | null;
  service: boolean;
}

/** Where a scenario's event is reported, by whom, and from what source. */
export function entryOf(
  s: Scenario,
  crew: Crew,
): { level: EventLevel; by: (typeof crew)['grid']; source: EventSource } {
  switch (s) {
    case 'community_direct':
    case 'voided':
    case 'merged':
      return { level: 'community', by: crew.community, source: 'resident' };
    case 'hotline_back':
    case 'voided_hotline':
      return { level: 'district', by: crew.centre[0]!, source: 'hotline' };
    case 'emergency':
      return { level: 'district', by: crew.grid, source: 'patrol' };
    default:
      return { level: 'grid', by: crew.grid, source: 'patrol' };
  }
}

export interface ScriptInput {
  p: Path;
  r: Random;
  v: Variant;
  category: EventCategory;
  /** A department that is not the category's lead, dispatched to by mistake (refused cases). */
  wrongLead: string;
}

const up = ({ p, r }: ScriptInput, times: number) => {
  for (let i = 0; i < times; i++) p.act('escalate', { reason: reasonFor(r, 'escalate') });
};

function extension({ p, r, v }: ScriptInput, department?: string) {
  if (!v.extension) return;
  p.act('ask_extension', { reason: reasonFor(r, 'ask_extension'), ...(department ? { department } : {}) });
  if (v.extension === 'approved') p.act('approve_extension');
  else p.act('refuse_extension', { reason: reasonFor(r, 'refuse_extension') });
}

function finish({ p, v }: ScriptInput) {
  p.act('verify');
  p.act('close');
  if (v.rating !== null) p.act('rate', { details: { rating: v.rating } });
}

function handleHere(s: ScriptInput, onTheSpot = false) {
  const { p, r, v } = s;
  if (!onTheSpot) {
    p.act('accept');
    extension(s);
  }
  p.act('handle', { note: noteFor(r, 'handle') });
  if (v.rework) {
    p.act('rework', { reason: reasonFor(r, 'rework') });
    p.act('handle', { note: noteFor(r, 'handle') });
  }
  finish(s);
}

/**
 * 派遣, with the suggestion offered as the events module records it: the demo has no routing rules, so the
 * catalogue's default, followed unless the dispatcher chose another lead (the refused cases).
 */
function dispatchTo(s: ScriptInput, lead: string, cooperating: readonly string[]) {
  const c = s.category;
  const followed = lead === c.leadDepartment && cooperating.join(',') === c.coDepartments.join(',');
  const suggestion = {
    lead: c.leadDepartment,
    cooperating: [...c.coDepartments],
    source: 'catalogue',
    rule: null,
    categoryCode: c.code,
    areaId: null,
    followed,
  };
  s.p.act('dispatch', { details: { lead, cooperating: [...cooperating], suggestion } });
}

function departments(s: ScriptInput) {
  const { p, r, v, category } = s;
  const lead = category.leadDepartment;
  dispatchTo(s, lead, category.coDepartments);
  for (const department of category.coDepartments)
    p.act('feedback', { department, note: noteFor(r, 'feedback') });
  extension(s, lead);
  p.act('complete', { department: lead, note: noteFor(r, 'complete') });
  if (v.rework) {
    p.act('rework', { reason: reasonFor(r, 'rework') });
    p.act('complete', { department: lead, note: noteFor(r, 'complete') });
  }
  finish(s);
}

function refusedByWrongLead(s: ScriptInput) {
  dispatchTo(s, s.wrongLead, []);
  s.p.act('refuse', { department: s.wrongLead, reason: reasonFor(s.r, 'refuse') });
}

/** Runs a scenario's actions after the report. */
export function runScenario(scenario: Scenario, s: ScriptInput) {
  const { p, r, v } = s;
  const acceptFirst = () => {
    if (v.acceptFirst) p.act('accept');
  };
  switch (scenario) {
    case 'grid_spot':
      return handleHere(s, true);
    case 'grid':
    case 'community_direct':
      return handleHere(s);
    case 'community':
      acceptFirst();
      up(s, 1);
      return handleHere(s);
    case 'street':
      acceptFirst();
      up(s, 2);
      return handleHere(s);
    case 'hotline_back':
      p.act('send_back', { reason: reasonFor(r, 'send_back') });
      return handleHere(s);
    case 'refused_back':
      up(s, 3);
      refusedByWrongLead(s);
      p.act('send_back', { reason: reasonFor(r, 'send_back') });
      return handleHere(s);
    case 'restored':
      up(s, 2);
      p.act('accept');
      p.act('shelve', { reason: reasonFor(r, 'shelve') });
      p.act('restore');
      p.act('handle', { note: noteFor(r, 'handle') });
      return finish(s);
    case 'dispatched':
      acceptFirst();
      up(s, 3);
      return departments(s);
    case 'emergency':
      return departments(s);
    case 'redispatched':
      up(s, 3);
      refusedByWrongLead(s);
      return departments(s);
    case 'shelved_street':
      up(s, 2);
      p.act('accept');
      p.act('shelve', { reason: reasonFor(r, 'shelve') });
      return;
    case 'shelved_district':
      up(s, 3);
      dispatchTo(s, s.category.leadDepartment, s.category.coDepartments);
      p.act('shelve', { reason: reasonFor(r, 'shelve') });
      return;
    case 'voided':
    case 'voided_hotline':
      p.act('void', { reason: reasonFor(r, v.service ? 'voidService' : 'void') });
      return;
    case 'voided_escalated':
      up(s, 1);
      p.act('void', { reason: reasonFor(r, 'void') });
      return;
    case 'pending':
      return;
    case 'merged':
      p.act('merge', { reason: reasonFor(r, 'merge'), details: { into: 0, intoNumber: '' } });
      return;
  }
}
