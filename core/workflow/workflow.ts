/**
 * A stateful record's life as a declared transition table: the states it can be in and, for each action
 * a person may take, the states it may be taken from and the state it leads to. Pure and shared: the
 * server runs every transition through it, the web shows only the actions it allows now.
 */
export interface Transition<S extends string> {
  from: readonly S[];
  /** The state after the action; `'same'` keeps the current state (a note, a feedback that is not the last). */
  to: S | 'same';
  /** The action needs a written reason (void, escalate, send back, refuse …). */
  reason?: boolean;
  label: { en: string; zh: string };
}

export interface Workflow<S extends string, A extends string> {
  name: string;
  states: readonly S[];
  initial: S;
  /** States no action leads out of. */
  terminal: readonly S[];
  transitions: Readonly<Record<A, Transition<S>>>;
}

/** Declares a workflow, checking it is sound (see `workflowFaults`); a faulty table throws at import time. */
export function defineWorkflow<const S extends string, const A extends string>(
  workflow: Workflow<S, A>,
): Workflow<S, A> {
  const faults = workflowFaults(workflow);
  if (faults.length > 0) throw new Error(`workflow ${workflow.name}: ${faults.join('; ')}`);
  return workflow;
}

export const actionsOf = <S extends string, A extends string>(w: Workflow<S, A>) =>
  Object.keys(w.transitions) as A[];

/** The actions the table allows from a state (before any policy or record-level rule narrows them). */
export function actionsFrom<S extends string, A extends string>(w: Workflow<S, A>, state: S): A[] {
  return actionsOf(w).filter((a) => w.transitions[a].from.includes(state));
}

export type Step<S extends string, A extends string> =
  | { ok: true; to: S }
  | { ok: false; code: 'not_allowed_now'; state: S; allowed: A[] }
  | { ok: false; code: 'reason_required' };

/** Where an action leads from a state, or why it cannot be taken (with the actions allowed now). */
export function step<S extends string, A extends string>(
  w: Workflow<S, A>,
  state: S,
  action: A,
  reason?: string | null,
): Step<S, A> {
  const t = w.transitions[action];
  if (!t.from.includes(state))
    return { ok: false, code: 'not_allowed_now', state, allowed: actionsFrom(w, state) };
  if (t.reason && !reason?.trim()) return { ok: false, code: 'reason_required' };
  return { ok: true, to: t.to === 'same' ? state : t.to };
}

/** What is wrong with a table: unknown states, dead ends, unreachable states, ways out of a terminal state. */
export function workflowFaults<S extends string, A extends string>(w: Workflow<S, A>): string[] {
  const faults: string[] = [];
  const known = new Set<string>(w.states);
  const check = (s: string, where: string) => {
    if (!known.has(s)) faults.push(`${where} names unknown state "${s}"`);
  };
  check(w.initial, 'initial');
  for (const s of w.terminal) check(s, 'terminal');
  for (const a of actionsOf(w)) {
    const t = w.transitions[a];
    if (t.from.length === 0) faults.push(`action "${a}" has no from-state`);
    for (const s of t.from) check(s, `action "${a}"`);
    if (t.to !== 'same') check(t.to, `action "${a}"`);
    for (const s of t.from) {
      if (w.terminal.includes(s)) faults.push(`action "${a}" leads out of terminal state "${s}"`);
    }
  }
  for (const s of w.states) {
    const leaves = actionsFrom(w, s).some((a) => w.transitions[a].to !== 'same');
    if (!w.terminal.includes(s) && !leaves) faults.push(`state "${s}" is a dead end but not terminal`);
  }
  const reached = new Set<S>([w.initial]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const a of actionsOf(w)) {
      const t = w.transitions[a];
      if (t.to !== 'same' && !reached.has(t.to) && t.from.some((s) => reached.has(s))) {
        reached.add(t.to);
        grew = true;
      }
    }
  }
  for (const s of w.states) if (!reached.has(s)) faults.push(`state "${s}" cannot be reached`);
  return faults;
}
