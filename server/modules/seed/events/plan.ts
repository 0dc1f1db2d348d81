// How many events of each category end each way: decided by counts, so the figures docs/evaluation.md defines
// come out exactly as the targets say, whatever the random stream.
import { CATEGORIES, type EventCategory, SERVICE_KINDS } from '../../../../core/events/catalogue';
import type { Random } from '../../../../core/random';
import { allocate } from '../allocate';
import {
  DEPARTMENT_HEAVY,
  DISTRICT_MIX,
  LOCAL_MIX,
  OPEN_MIX,
  SERVICE_MIX,
  SERVICE_WEIGHTS,
  WEIGHTS,
} from './mix';
import type { Scenario } from './scenarios';
import type { EventTargets } from './targets';

/** How a registered or other event ends at the cut-off; `open` takes a closing scenario cut short by the end. */
export type Outcome = 'local' | 'district' | 'shelved' | 'open' | 'voided' | 'merged' | 'pending';

export interface Planned {
  category: EventCategory;
  outcome: Outcome;
  scenario: Scenario;
  service: boolean;
}

/** Each of the other categories keeps at least this closure rate, so unlicensed trading is the lowest. */
const MIN_OTHER_CLOSURE = 0.95;

const byCode = new Map(CATEGORIES.map((c) => [c.code, c]));
const category = (code: string) => byCode.get(code)!;

/** The leaf categories problem events are filed under (work safety by its sub-categories), with weights. */
function problemLeaves(): [EventCategory, number][] {
  const leaves: [EventCategory, number][] = [];
  for (const [code, weight] of Object.entries(WEIGHTS)) {
    const subs = CATEGORIES.filter((c) => c.parent === code && !c.retired);
    if (subs.length === 0) leaves.push([category(code), weight]);
    else for (const sub of subs) leaves.push([sub, weight / subs.length]);
  }
  return leaves;
}

/** `total` over `sizes`, proportional, at most `caps[i]` each (throws when the caps cannot hold it). */
export function capped(total: number, sizes: readonly number[], caps: readonly number[]): number[] {
  const room = caps.reduce((a, b) => a + b, 0);
  if (total > room) throw new Error(`seed events: ${total} cannot fit under caps totalling ${room}`);
  const out = sizes.map(() => 0);
  let left = total;
  while (left > 0) {
    const open = sizes.map((s, i) => (out[i]! < caps[i]! ? s : 0));
    const share = allocate(left, open.some((s) => s > 0) ? open : caps.map((c, i) => c - out[i]!));
    for (let i = 0; i < out.length && left > 0; i++) {
      const add = Math.min(share[i]!, caps[i]! - out[i]!, left);
      out[i]! += add;
      left -= add;
    }
  }
  return out;
}

/** Splits `n` over weighted scenarios, exactly. */
function scenarioList(n: number, mix: readonly (readonly [Scenario, number])[]): Scenario[] {
  const counts = allocate(
    n,
    mix.map(([, w]) => w),
  );
  return mix.flatMap(([s], i) => Array<Scenario>(counts[i]!).fill(s));
}

/** Every problem event of a district with its category, outcome and scenario. */
export function planProblems(t: EventTargets['problems'], random: Random): Planned[] {
  const leaves = problemLeaves();
  const closed = t.resolvedLocally + t.closedByDepartments;
  const u = t.unlicensed;
  const rest = t.registered - u.registered - t.afterSchoolCare;
  const sizes = [
    ...allocate(
      rest,
      leaves.map(([, w]) => w),
    ),
    u.registered,
    t.afterSchoolCare,
  ];
  const cats = [...leaves.map(([c]) => c), category('16'), category('17')];
  const n = cats.length;
  const [i16, i17] = [n - 2, n - 1];
  const unclosedCaps = sizes.map((s, i) => (i >= i16 ? 0 : Math.floor(s * (1 - MIN_OTHER_CLOSURE))));
  const unclosed = capped(t.registered - closed - (u.registered - u.closed), sizes, unclosedCaps);
  unclosed[i16] = u.registered - u.closed;
  const shelvedOthers = capped(
    t.shelved - u.shelved,
    unclosed.map((x, i) => (i === i16 ? 0 : x)),
    unclosed.map((x, i) => (i === i16 ? 0 : x)),
  );
  shelvedOthers[i16] = u.shelved;
  const closedOf = sizes.map((s, i) => s - unclosed[i]!);
  const weightDistrict = cats.map(
    (c, i) => closedOf[i]! * (DEPARTMENT_HEAVY.has(c.code.slice(0, 2)) ? 4 : 1),
  );
  const district = capped(
    t.closedByDepartments,
    weightDistrict,
    closedOf.map((c, i) => (i === i17 ? Math.floor(c / 4) : c)),
  );

  const outcomes: [EventCategory, Outcome][] = [];
  cats.forEach((c, i) => {
    const push = (o: Outcome, k: number) => {
      for (let j = 0; j < k; j++) outcomes.push([c, o]);
    };
    push('district', district[i]!);
    push('local', closedOf[i]! - district[i]!);
    push('shelved', shelvedOthers[i]!);
    push('open', unclosed[i]! - shelvedOthers[i]!);
  });
  const byOutcome = (o: Outcome) => random.shuffle(outcomes.filter(([, x]) => x === o));
  const planned: Planned[] = [];
  const add = (list: [EventCategory, Outcome][], scenarios: Scenario[]) =>
    list.forEach(([c, o], k) => {
      planned.push({ category: c, outcome: o, scenario: scenarios[k]!, service: false });
    });
  const locals = byOutcome('local');
  add(locals, random.shuffle(scenarioList(locals.length, LOCAL_MIX)));
  const districts = byOutcome('district');
  const districtScenarios = random.shuffle(scenarioList(districts.length, DISTRICT_MIX));
  add(
    districts,
    districtScenarios.map((s, k) => (k % 2 === 0 && mayBeEmergency(districts[k]![0]) ? 'emergency' : s)),
  );
  const shelved = byOutcome('shelved');
  add(
    shelved,
    random.shuffle(
      scenarioList(shelved.length, [
        ['shelved_street', 70],
        ['shelved_district', 30],
      ]),
    ),
  );
  const open = byOutcome('open');
  add(open, random.shuffle(scenarioList(open.length, OPEN_MIX)));
  const others = (k: number, outcome: Outcome, mix: readonly (readonly [Scenario, number])[]) => {
    const cats = allocate(
      k,
      leaves.map(([, w]) => w),
    );
    const list: [EventCategory, Outcome][] = leaves.flatMap(([c], i) => Array(cats[i]!).fill([c, outcome]));
    add(random.shuffle(list), random.shuffle(scenarioList(k, mix)));
  };
  others(t.voided, 'voided', [
    ['voided', 50],
    ['voided_escalated', 30],
    ['voided_hotline', 20],
  ]);
  others(t.merged, 'merged', [['merged', 1]]);
  others(t.pending, 'pending', [['pending', 1]]);
  return planned;
}

const mayBeEmergency = (c: EventCategory) =>
  c.emergencyPossible || (c.parent ? byCode.get(c.parent)?.emergencyPossible === true : false);

/** Every service request of a district. */
export function planServices(t: EventTargets['services'], random: Random): Planned[] {
  const weights = SERVICE_KINDS.map((k) => SERVICE_WEIGHTS[k.code] ?? 3);
  const planned: Planned[] = [];
  const add = (k: number, outcome: Outcome, mix: readonly (readonly [Scenario, number])[]) => {
    const counts = allocate(k, weights);
    const kinds = random.shuffle(SERVICE_KINDS.flatMap((c, i) => Array<EventCategory>(counts[i]!).fill(c)));
    const scenarios = random.shuffle(scenarioList(k, mix));
    kinds.forEach((c, i) => {
      planned.push({ category: c, outcome, scenario: scenarios[i]!, service: true });
    });
  };
  add(t.completed, 'local', SERVICE_MIX);
  add(t.refused, 'voided', [['voided', 1]]);
  add(t.received - t.completed - t.refused, 'open', SERVICE_MIX);
  add(t.merged, 'merged', [['merged', 1]]);
  return planned;
}
