import { describe, expect, it } from 'vitest';
import { actionsFrom, defineWorkflow, step, type Workflow, workflowFaults } from './workflow';

const label = { en: 'x', zh: 'x' };
/** A small loop in the shape events will take: report → accept → handle → verify → close, with branches. */
const loop = defineWorkflow({
  name: 'example',
  states: ['reported', 'accepted', 'handled', 'closed', 'void'],
  initial: 'reported',
  terminal: ['closed', 'void'],
  transitions: {
    accept: { from: ['reported'], to: 'accepted', label },
    void: { from: ['reported'], to: 'void', reason: true, label },
    note: { from: ['reported', 'accepted', 'handled'], to: 'same', label },
    handle: { from: ['accepted'], to: 'handled', label },
    rework: { from: ['handled'], to: 'accepted', reason: true, label },
    close: { from: ['handled'], to: 'closed', label },
  },
});

describe('workflow transition tables', () => {
  it('leads each allowed action to its state, and keeps the state for a note', () => {
    expect(step(loop, 'reported', 'accept')).toEqual({ ok: true, to: 'accepted' });
    expect(step(loop, 'handled', 'rework', 'the crack is still there')).toEqual({ ok: true, to: 'accepted' });
    expect(step(loop, 'accepted', 'note')).toEqual({ ok: true, to: 'accepted' });
  });

  it('refuses an action from the wrong state, naming the state and the actions allowed now', () => {
    expect(step(loop, 'closed', 'accept')).toEqual({
      ok: false,
      code: 'not_allowed_now',
      state: 'closed',
      allowed: [],
    });
    expect(step(loop, 'accepted', 'close')).toMatchObject({ allowed: ['note', 'handle'] });
    expect(actionsFrom(loop, 'reported')).toEqual(['accept', 'void', 'note']);
  });

  it('asks for a reason where the table says so (blank is no reason)', () => {
    expect(step(loop, 'reported', 'void')).toEqual({ ok: false, code: 'reason_required' });
    expect(step(loop, 'reported', 'void', '   ')).toEqual({ ok: false, code: 'reason_required' });
    expect(step(loop, 'reported', 'void', 'duplicate report')).toEqual({ ok: true, to: 'void' });
  });

  it('finds unsound tables: unknown states, dead ends, unreachable states, exits from terminal states', () => {
    const bad: Workflow<string, string> = {
      name: 'bad',
      states: ['a', 'b', 'c', 'island', 'end'],
      initial: 'a',
      terminal: ['end'],
      transitions: {
        go: { from: ['a'], to: 'b', label },
        stuck: { from: ['b'], to: 'same', label },
        lost: { from: ['a'], to: 'nowhere', label },
        back: { from: ['end'], to: 'a', label },
        hop: { from: ['island'], to: 'end', label },
      },
    };
    const faults = workflowFaults(bad);
    expect(faults).toContain('action "lost" names unknown state "nowhere"');
    expect(faults).toContain('state "b" is a dead end but not terminal');
    expect(faults).toContain('state "c" is a dead end but not terminal');
    expect(faults).toContain('state "island" cannot be reached');
    expect(faults).toContain('action "back" leads out of terminal state "end"');
    expect(() => defineWorkflow(bad)).toThrow(/workflow bad: /);
    expect(workflowFaults(loop)).toEqual([]);
  });
});
