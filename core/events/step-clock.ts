import { handleStepAt, type TimedStep } from './time-limits';
import type { EventLevel, EventState } from './workflow';

/**
 * The clock of the step an event is in: waiting at a level to be taken on (accept), handled at a level, waiting
 * at the district centre to be dispatched, with the lead department, then verify, close and rate. Shelved and
 * ended events have no clock. The events module and the demo history both clock steps through this one rule.
 */
export function clockedStep(state: EventState, level: EventLevel, dispatched: boolean): TimedStep | null {
  switch (state) {
    case 'reported':
      return 'accept';
    case 'in_progress':
      if (level !== 'district') return handleStepAt(level);
      return dispatched ? 'department_handle' : 'dispatch';
    case 'handled':
      return 'verify';
    case 'verified':
      return 'close';
    case 'closed':
      return 'rate';
    default:
      return null;
  }
}
