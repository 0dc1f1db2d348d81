// One district's three years of events: each planned event played through its scenario at a report time that
// lets it end as planned by the history's end; duplicates merged into events open at the time; then numbered
// in order of report.
import { type EventCategory, findCategory } from '../../../../core/events/catalogue';
import { createRandom } from '../../../../core/random';
import { deriveSeed, weightedIndex } from '../allocate';
import { personName } from '../names';
import { randomPointIn } from '../partition';
import { classify, type Draft, reportedAt } from './draft';
import { type Crew, Path } from './path';
import { type Outcome, type Planned, planProblems, planServices } from './plan';
import { entryOf, runScenario, type Scenario, type Variant } from './scenarios';
import { AFTER_SCHOOL_CARE_HALF_YEAR, type EventTargets, HISTORY_START } from './targets';
import { titleFor } from './texts';
import type { Timing } from './timing';
import type { DistrictWorld, Person } from './world';

const DAY = 86_400_000;
const RATINGS = [
  [5, 62],
  [4, 26],
  [3, 8],
  [2, 3],
  [1, 1],
] as const;

export function generateDistrict(
  world: DistrictWorld,
  targets: EventTargets,
  seed: number,
  timing: Timing,
): Draft[] {
  const random = createRandom(deriveSeed(seed, world.tree.index, 'events'));
  const pickGrid = weightedIndex(world.places.map((p) => p.length + 5));
  const plans = [...planProblems(targets.problems, random), ...planServices(targets.services, random)];
  const built: Draft[] = [];
  const duplicates: Planned[] = [];
  for (const plan of plans) {
    if (plan.outcome === 'merged') duplicates.push(plan);
    else built.push(play(plan, pickGrid(random)));
  }
  const joinable = {
    problem: built.filter((d) => isTarget(d, false)),
    service: built.filter((d) => isTarget(d, true)),
  };
  for (const plan of duplicates)
    built.push(duplicate(plan, plan.service ? joinable.service : joinable.problem));
  built.sort((a, b) => reportedAt(a) - reportedAt(b));
  return built;

  function play(plan: Planned, grid: number): Draft {
    let at = firstGuess(plan.outcome, plan.category);
    for (let attempt = 0; attempt < 40; attempt++) {
      const draft = build(plan, grid, at, null);
      const off = mismatch(plan, draft);
      if (!off) return draft;
      // Too late to have ended as planned: report earlier; ended too soon (open, pending): report later.
      const span = plan.outcome === 'open' || plan.outcome === 'pending' ? 2 * DAY : 20 * DAY;
      at =
        off === 'later' ? Math.min(timing.end - 60_000, at + span / 2) : Math.max(HISTORY_START, at - span);
      if (plan.category.code === '17') at = Math.max(at, AFTER_SCHOOL_CARE_HALF_YEAR.start);
    }
    throw new Error(`seed events: could not play a ${plan.scenario} event (${plan.outcome}) in time`);
  }

  function duplicate(plan: Planned, candidates: Draft[]): Draft {
    for (let attempt = 0; attempt < 50; attempt++) {
      const target = random.pick(candidates);
      const at = reportedAt(target) + random.int(10, 2 * 24 * 60) * 60_000;
      const draft = build({ ...plan, category: categoryOf(target) }, target.grid, at, target);
      const merge = draft.steps[1];
      const ended = target.steps.find((s) => s.action === 'rate');
      if (merge && (!ended || ended.at > merge.at)) return draft;
    }
    throw new Error('seed events: found no open event to merge a duplicate into');
  }

  function build(plan: Planned, grid: number, at: number, target: Draft | null): Draft {
    const crew = crewOf(grid, plan.category);
    const entry = entryOf(plan.scenario, crew);
    const place = target ?? placeIn(grid);
    const draft: Draft = {
      kind: plan.service ? 'service' : random.pick(plan.category.kinds),
      category: plan.category.code,
      urgency: plan.scenario === 'emergency' ? 'emergency' : random.chance(0.09) ? 'urgent' : 'normal',
      source: entry.source === 'hotline' && random.chance(0.3) ? 'external' : entry.source,
      grid,
      lat: place.lat,
      lng: place.lng,
      addressId: place.addressId,
      addressText: place.addressText,
      title: titleFor(random, plan.category.code, plan.category.name.zh),
      reporter: null,
      reporterName: entry.source === 'patrol' ? null : personName(random, random.chance(0.5) ? 'M' : 'F'),
      steps: [],
      assignments: [],
      rating: null,
      mergedInto: target,
      id: 0,
      number: '',
    };
    const p = new Path(draft, crew, random, timing);
    p.report(entry.level, entry.by, at);
    runScenario(plan.scenario, {
      p,
      r: random,
      v: variantOf(plan.scenario, plan.service),
      category: plan.category,
      wrongLead: wrongLead(plan.category),
    });
    return draft;
  }

  function firstGuess(outcome: Outcome, category: EventCategory): number {
    if (category.code === '17') {
      const { start, end } = AFTER_SCHOOL_CARE_HALF_YEAR;
      return start + random.next() * (end - start - 20 * DAY);
    }
    if (outcome === 'open') return timing.end - random.next() * 12 * DAY;
    if (outcome === 'pending') return timing.end - random.next() * 1.5 * DAY;
    const last = timing.end - (outcome === 'shelved' ? 30 * DAY : 0);
    const day = HISTORY_START + Math.floor(random.next() * ((last - HISTORY_START) / DAY)) * DAY;
    return day + (8.5 + random.next() * 9.5) * 3_600_000;
  }

  function variantOf(scenario: Scenario, service: boolean): Variant {
    const high = ['street', 'hotline_back', 'dispatched', 'redispatched', 'refused_back'].includes(scenario);
    return {
      rework: random.chance(0.03),
      extension: random.chance(high ? 0.08 : 0.02) ? (random.chance(0.75) ? 'approved' : 'refused') : null,
      acceptFirst: random.chance(0.4),
      rating: random.chance(0.88) ? random.weighted(RATINGS) : null,
      service,
    };
  }

  function crewOf(grid: number, category: EventCategory): Crew {
    const safety = world.safetyWorker[grid];
    const workSafety = category.code.startsWith('19') || category.code.startsWith('20');
    const staff = new Map<string, Person>();
    return {
      grid: workSafety && safety ? safety : random.pick(world.gridWorkers[grid]!),
      community: random.pick(world.communityStaff[grid]!),
      street: random.shuffle([...world.streetStaff[grid]!]),
      centre: random.shuffle([...world.centre]),
      department: (code: string) => {
        if (!staff.has(code)) staff.set(code, random.pick(world.departmentStaff.get(code)!));
        return staff.get(code)!;
      },
      departmentId: world.departmentId,
    };
  }

  function placeIn(grid: number) {
    const places = world.places[grid]!;
    if (places.length > 0 && random.chance(0.75)) {
      const p = random.pick(places);
      return { lat: p.lat, lng: p.lng, addressId: p.addressId, addressText: p.text };
    }
    const [lng, lat] = randomPointIn(random, world.tree.grids[grid]!.boundary.coordinates[0]!);
    return { lat, lng, addressId: null, addressText: null };
  }

  function wrongLead(category: EventCategory): string {
    const others = [...world.departmentId.keys()].filter(
      (c) => c !== category.leadDepartment && !category.coDepartments.includes(c),
    );
    return random.pick(others);
  }
}

const categoryOf = (d: Draft) => findCategory(d.category)!;

/** A registered event of the same kind that a duplicate may join: not sensitive (need to know). */
function isTarget(d: Draft, service: boolean): boolean {
  const c = classify(d);
  return c.registered && (d.kind === 'service') === service && !categoryOf(d).sensitive;
}

/** Why a played event did not end as planned: it needs reporting 'earlier' or 'later', or null when it did. */
function mismatch(plan: Planned, d: Draft): 'earlier' | 'later' | null {
  const c = classify(d);
  switch (plan.outcome) {
    case 'local':
      if (plan.service) return c.closed ? null : 'earlier';
      return c.closed ? (c.closedLocally ? null : 'earlier') : 'earlier';
    case 'district':
      return c.closed && !c.closedLocally ? null : 'earlier';
    case 'shelved':
      return d.steps.at(-1)!.to === 'shelved' ? null : 'earlier';
    case 'voided':
      return d.steps.at(-1)!.to === 'voided' ? null : 'earlier';
    case 'pending':
      return !c.registered && d.steps.at(-1)!.to === 'reported' ? null : 'later';
    case 'open':
      if (c.closed) return 'later';
      return c.registered || plan.service ? null : 'earlier';
    case 'merged':
      return null;
  }
}
