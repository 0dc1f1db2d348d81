import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_LIMITS } from '../../../../core/events/time-limits';
import { type EventState, stepEvent } from '../../../../core/events/workflow';
import { CHINA_CALENDAR } from '../../../../core/time/china-calendar';
import { buildAreaTrees } from '../geometry';
import { SCALES } from '../scales';
import { DEPARTMENTS } from '../services';
import { classify } from './draft';
import { generateDistrict } from './generate';
import { EVENT_TARGETS, HISTORY_END } from './targets';
import type { DistrictWorld } from './world';

/** A small district with one account per place, as the demo accounts make them (ids made up). */
function smallWorld(): DistrictWorld {
  const [tree] = buildAreaTrees(SCALES.small, 1);
  let id = 0;
  const person = () => ({ id: ++id, label: `account:${id}:demo` });
  return {
    tree: tree!,
    gridWorkers: tree!.grids.map(() => [person()]),
    safetyWorker: tree!.grids.map(() => null),
    communityStaff: tree!.grids.map(() => [person()]),
    streetStaff: tree!.grids.map(() => [person(), person()]),
    centre: [person(), person()],
    departmentId: new Map(DEPARTMENTS.map(([code], i) => [code, i + 1])),
    departmentStaff: new Map(DEPARTMENTS.map(([code]) => [code, [person()]])),
    places: tree!.grids.map(() => []),
  };
}

const timing = { calendar: CHINA_CALENDAR, limits: DEFAULT_TIME_LIMITS, end: HISTORY_END, lateShare: 0.04 };

describe('demo event history generator', () => {
  it('makes the same history for the same seed, and another for another seed', () => {
    const world = smallWorld();
    const once = JSON.stringify(generateDistrict(world, EVENT_TARGETS.small, 1, timing));
    expect(JSON.stringify(generateDistrict(world, EVENT_TARGETS.small, 1, timing))).toBe(once);
    expect(JSON.stringify(generateDistrict(world, EVENT_TARGETS.small, 2, timing))).not.toBe(once);
  });

  it('plays every event as a legal path through the loop, ending as the targets plan', () => {
    const drafts = generateDistrict(smallWorld(), EVENT_TARGETS.small, 7, timing);
    for (const d of drafts) {
      let state: EventState = 'reported';
      for (const s of d.steps.slice(1)) {
        const next = stepEvent(state, s.action as Exclude<typeof s.action, 'report'>, s.reason);
        expect(next.ok && next.to === s.to, `${s.action} from ${state}`).toBe(true);
        state = s.to;
      }
    }
    const problems = drafts.filter((d) => d.kind !== 'service').map(classify);
    const registered = problems.filter((c) => c.registered);
    expect(registered).toHaveLength(EVENT_TARGETS.small.problems.registered);
    expect(registered.filter((c) => c.closedLocally)).toHaveLength(
      EVENT_TARGETS.small.problems.resolvedLocally,
    );
  });
});
