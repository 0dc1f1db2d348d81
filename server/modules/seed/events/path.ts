// One event's history, built action by action through the loop's table (core/events/workflow.ts): each action
// is checked with stepEvent, taken by the account whose step it is (as server/modules/events/policies.ts
// decides), at a time drawn against the deadline of the step it ends, and recorded with the deadline of the
// step it starts. Actions past the history's end are not taken: the event stays where it was then.
import {
  type EventAction,
  type EventLevel,
  type EventState,
  levelAbove,
  levelBelow,
  stepEvent,
} from '../../../../core/events/workflow';
import type { Random } from '../../../../core/random';
import { applyToAssignments } from './assignments';
import type { Draft, StepDraft } from './draft';
import { type Clock, clockAfter, deadlineAt, drawEnd, drawWorking, type Timing } from './timing';
import type { Person } from './world';

export interface Crew {
  grid: Person;
  community: Person;
  /** Two street staff accounts where there are (the second rates when the first reported). */
  street: Person[];
  centre: Person[];
  /** The one staff account of a department working this event. */
  department: (code: string) => Person;
  departmentId: Map<string, number>;
}

export interface ActOptions {
  reason?: string;
  note?: string;
  details?: Record<string, unknown>;
  /** Who acts, when the default for the action and level is not the one (a department, the other centre account). */
  by?: Person;
  department?: string;
}

export class Path {
  state: EventState = 'reported';
  level: EventLevel = 'grid';
  private clock: Clock | null = null;
  private t = 0;
  /** An action would have come after the history's end: nothing more is recorded. */
  stopped = false;

  constructor(
    readonly draft: Draft,
    private readonly crew: Crew,
    private readonly random: Random,
    private readonly timing: Timing,
  ) {}

  get steps(): StepDraft[] {
    return this.draft.steps;
  }

  report(level: EventLevel, by: Person, at: number) {
    this.level = level;
    this.t = at;
    this.draft.reporter = by;
    this.clock = clockAfter(this.timing, this.draft, 'reported', level, at);
    this.push('report', null, null, by, null, {
      details: { categoryCode: this.draft.category, urgency: this.draft.urgency },
    });
  }

  /** Takes an action if the history has not ended by then; returns whether it was taken. */
  act(action: EventAction, options: ActOptions = {}): boolean {
    if (this.stopped) return false;
    const next = stepEvent(this.state, action, options.reason);
    if (!next.ok) throw new Error(`seed events: ${action} from ${this.state} at ${this.level}: ${next.code}`);
    const at = this.timeOf(action);
    if (at > this.timing.end) {
      this.stopped = true;
      return false;
    }
    const fromState = this.state;
    const fromLevel = this.level;
    if (action === 'escalate') this.level = levelAbove(this.level)!;
    if (action === 'send_back') this.level = levelBelow(this.level)!;
    this.state = next.to;
    this.t = at;
    applyToAssignments(this.draft.assignments, action, options, this.level, at);
    if (action === 'approve_extension') {
      const until = this.clock?.extensionUntil ?? null;
      if (this.clock && until) this.clock = { ...this.clock, due: until, warn: null, extended: true };
    } else if (action === 'refuse_extension') {
      if (this.clock) this.clock = { ...this.clock, refused: true };
    } else if (action !== 'ask_extension' && action !== 'feedback') {
      this.clock = clockAfter(this.timing, this.draft, this.state, this.level, at, action);
    }
    if (action === 'ask_extension' && this.clock) {
      this.clock.extensionUntil = deadlineAt(this.timing, this.clock.due, this.random.int(2, 5));
      options.details = { until: new Date(this.clock.extensionUntil).toISOString() };
    }
    if (action === 'approve_extension') options.details = { until: new Date(this.clock!.due).toISOString() };
    const by = options.by ?? this.actorFor(action, options.department);
    const lead = action === 'dispatch' ? (options.details as { lead: string }).lead : null;
    this.push(action, fromState, fromLevel, by, options.department ?? lead, options);
    return true;
  }

  /** The account whose step it is, by action and current level. */
  private actorFor(action: EventAction, department?: string): Person {
    const c = this.crew;
    const atLevel = (level: EventLevel) =>
      level === 'grid'
        ? c.grid
        : level === 'community'
          ? c.community
          : level === 'street'
            ? c.street[0]!
            : c.centre[0]!;
    if (department) return c.department(department);
    switch (action) {
      case 'verify':
        return this.level === 'grid' ? c.community : c.grid;
      case 'rate': {
        const reporter = this.draft.reporter?.id;
        const level = this.level === 'grid' ? 'community' : this.level;
        const who = atLevel(level);
        if (who.id !== reporter) return who;
        if (level === 'community') return c.street[0]!;
        return (level === 'street' ? c.street : c.centre).find((p) => p.id !== reporter)!;
      }
      case 'approve_extension':
      case 'refuse_extension':
        return atLevel(this.level === 'district' ? 'district' : levelAbove(this.level)!);
      default:
        // The level's own (escalate, send back and dispatch are taken where the event was: `level` moved already).
        return action === 'escalate'
          ? atLevel(levelBelow(this.level)!)
          : action === 'send_back'
            ? atLevel(levelAbove(this.level)!)
            : atLevel(this.level);
    }
  }

  private timeOf(action: EventAction): number {
    const r = this.random;
    const clock = this.clock;
    switch (action) {
      case 'feedback':
      case 'ask_extension':
        return clock ? drawWorking(this.timing, this.t, clock, r.next() * 0.5 + 0.2) : this.t + 3_600_000;
      case 'approve_extension':
      case 'refuse_extension':
        return drawWorking(this.timing, this.t, null, r.next() * 0.8 + 0.1);
      case 'restore':
        return this.t + r.int(20, 200) * 86_400_000;
      default:
        return drawEnd(this.timing, this.t, clock, r);
    }
  }

  private push(
    action: StepDraft['action'],
    from: EventState | null,
    fromLevel: EventLevel | null,
    by: Person,
    department: string | null,
    o: ActOptions,
  ) {
    this.draft.steps.push({
      action,
      from,
      to: this.state,
      fromLevel,
      level: this.level,
      actor: by,
      departmentId: department ? (this.crew.departmentId.get(department) ?? null) : null,
      reason: o.reason ?? null,
      note: o.note ?? null,
      details: o.details ?? null,
      due: this.clock?.due ?? null,
      warn: this.clock?.warn ?? null,
      at: this.t,
    });
  }
}
