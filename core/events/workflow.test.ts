import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../policy/roles';
import { workflowFaults } from '../workflow/workflow';
import {
  EVENT_ACTIONS,
  EVENT_STATES,
  EVENT_WORKFLOW,
  type EventAction,
  type EventState,
  eventActionsFor,
  levelAbove,
  levelBelow,
  roleMayTake,
  stepEvent,
} from './workflow';

/*
 * The loop written out again by hand, from the product's rules, so a slip in the table fails here.
 *   states: R reported, P in_progress, H handled, V verified, C closed
 *   roles:  g grid worker, c community, s street, d district centre, p department, l leader, a admin, u auditor
 */
const S: Record<string, EventState> = {
  R: 'reported',
  P: 'in_progress',
  H: 'handled',
  V: 'verified',
  C: 'closed',
  X: 'shelved',
};
const W: Record<string, Role> = {
  g: 'grid_worker',
  c: 'community_staff',
  s: 'street_staff',
  d: 'district_centre',
  p: 'department_staff',
};
// biome-ignore format: a table is read by its columns
const EXPECTED: Record<EventAction, [from: string, to: EventState | 'same', roles: string, reason: boolean]> = {
  accept:            ['R',  'in_progress', 'gcsd', false],
  void:              ['R',  'voided',      'csd',  true],
  handle:            ['RP', 'handled',     'gcs',  false],
  escalate:          ['RP', 'reported',    'gcs',  true],
  send_back:         ['RP', 'reported',    'csd',  true],
  dispatch:          ['RP', 'in_progress', 'd',    false],
  refuse:            ['P',  'reported',    'p',    true],
  feedback:          ['P',  'same',        'p',    false],
  complete:          ['P',  'handled',     'p',    false],
  ask_extension:     ['P',  'same',        'gcsp', true],
  approve_extension: ['P',  'same',        'csd',  false],
  refuse_extension:  ['P',  'same',        'csd',  true],
  verify:            ['H',  'verified',    'gcs',  false],
  rework:            ['HV', 'in_progress', 'gcsd', true],
  close:             ['V',  'closed',      'gcsd', false],
  rate:              ['C',  'rated',       'csd',  false],
  shelve:            ['RP', 'shelved',     'sd',   true],
  restore:           ['X',  'in_progress', 'sd',   false],
  merge:             ['RP', 'merged',      'csd',  true],
};

const fromStates = (action: EventAction) => [...EXPECTED[action][0]].map((c) => S[c]!);
const roles = (action: EventAction) => [...EXPECTED[action][2]].map((c) => W[c]!);

describe('the grid event loop', () => {
  it('is a sound table and the hand-written one names the same actions', () => {
    expect(workflowFaults(EVENT_WORKFLOW)).toEqual([]);
    expect([...EVENT_ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const cases = EVENT_STATES.flatMap((state) => EVENT_ACTIONS.map((action) => [state, action] as const));
  it.each(cases)('from %s, %s', (state, action) => {
    const [, to, , needsReason] = EXPECTED[action];
    const result = stepEvent(state, action, 'a reason');
    if (fromStates(action).includes(state)) {
      expect(result).toEqual({ ok: true, to: to === 'same' ? state : to });
      if (needsReason) expect(stepEvent(state, action, ' ')).toEqual({ ok: false, code: 'reason_required' });
      else expect(stepEvent(state, action).ok).toBe(true);
    } else {
      expect(result).toMatchObject({ ok: false, code: 'not_allowed_now', state });
    }
  });

  const roleCases = ROLES.flatMap((role) => EVENT_ACTIONS.map((action) => [role, action] as const));
  it.each(roleCases)('%s may take %s only where the rules say', (role, action) => {
    expect(roleMayTake(role, action)).toBe(roles(action).includes(role));
  });

  it('offers each role, per state, exactly the actions both the table and its role allow', () => {
    for (const role of ROLES)
      for (const state of EVENT_STATES) {
        const want = EVENT_ACTIONS.filter((a) => fromStates(a).includes(state) && roles(a).includes(role));
        expect(eventActionsFor(state, role), `${role} in ${state}`).toEqual(want);
      }
  });

  it('ends only by rating, voiding or merging; nobody acts on those', () => {
    for (const state of ['rated', 'voided', 'merged'] as const)
      for (const role of ROLES) expect(eventActionsFor(state, role)).toEqual([]);
  });

  it('climbs and descends the ladder one level at a time', () => {
    expect(levelAbove('grid')).toBe('community');
    expect(levelAbove('street')).toBe('district');
    expect(levelAbove('district')).toBeNull();
    expect(levelBelow('district')).toBe('street');
    expect(levelBelow('grid')).toBeNull();
  });
});
