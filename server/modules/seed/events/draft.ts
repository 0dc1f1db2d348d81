// One generated event before it becomes rows: its fields, its steps and its department assignments.
import type { EventKind } from '../../../../core/events/catalogue';
import type { EventAction, EventLevel, EventState } from '../../../../core/events/workflow';
import type { EventSource, EventUrgency } from '../../../db/events-schema';
import type { Person } from './world';

export interface StepDraft {
  action: EventAction | 'report';
  from: EventState | null;
  to: EventState;
  fromLevel: EventLevel | null;
  level: EventLevel;
  actor: Person;
  departmentId: number | null;
  reason: string | null;
  note: string | null;
  details: Record<string, unknown> | null;
  /** Deadline (epoch ms) of the step this action started, or still running; null when no clock runs. */
  due: number | null;
  warn: number | null;
  at: number;
}

export interface Assignment {
  department: string;
  role: 'lead' | 'cooperating';
  state: 'working' | 'fed_back' | 'done' | 'refused' | 'withdrawn';
  feedback: string | null;
  assignedAt: number;
  answeredAt: number | null;
}

export interface Draft {
  kind: EventKind;
  category: string;
  urgency: EventUrgency;
  source: EventSource;
  grid: number;
  lat: number;
  lng: number;
  addressId: number | null;
  addressText: string | null;
  title: string;
  reporter: Person | null;
  reporterName: string | null;
  steps: StepDraft[];
  assignments: Assignment[];
  rating: number | null;
  /** The event a duplicate was merged into. */
  mergedInto: Draft | null;
  /** Set when ids are handed out, in order of report time. */
  id: number;
  number: string;
}

export const reportedAt = (d: Draft) => d.steps[0]!.at;
export const lastStep = (d: Draft) => d.steps[d.steps.length - 1]!;

/** How a generated event stands at the end of the history, in docs/evaluation.md's words. */
export function classify(d: Draft) {
  const state = lastStep(d).to;
  const registered =
    state !== 'voided' &&
    state !== 'merged' &&
    d.steps.some((s) => s.action === 'accept' || s.action === 'handle' || s.action === 'dispatch');
  const closed = state === 'closed' || state === 'rated';
  const close = closed ? d.steps.findLast((s) => s.action === 'close') : undefined;
  return { state, registered, closed, closedLocally: close !== undefined && close.level !== 'district' };
}
