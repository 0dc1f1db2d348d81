// Health records: one per resident for most residents, chronic conditions rising with age (encrypted).
import { CHRONIC_CONDITIONS } from '../../../core/health/chronic-conditions';
import { sampleWeighted } from './allocate';
import { type DistrictContext, locatedStep, locationOf, need, streamFor, type TableStep } from './context';
import type { Row } from './csv';
import { isoDate, REFERENCE_DAY } from './dates';

/** The seed draws the conditions it has prevalence figures for: the first seven. */
const CONDITIONS = CHRONIC_CONDITIONS.slice(0, 7);

// Prevalence per age band (0–14, 15–34, 35–44, 45–54, 55–64, 65–74, 75+), per condition above.
const BAND_STARTS = [0, 15, 35, 45, 55, 65, 75];
const PREVALENCE: readonly (readonly number[])[] = [
  [0, 0.02, 0.08, 0.18, 0.3, 0.42, 0.52],
  [0, 0.005, 0.03, 0.07, 0.12, 0.16, 0.18],
  [0, 0, 0.003, 0.015, 0.04, 0.08, 0.12],
  [0.001, 0.002, 0.004, 0.015, 0.04, 0.08, 0.11],
  [0, 0, 0.002, 0.006, 0.015, 0.04, 0.07],
  [0, 0.005, 0.006, 0.006, 0.005, 0.004, 0.004],
  [0, 0.0005, 0.0006, 0.0008, 0.001, 0.0012, 0.0015],
];
// Focus groups of the national basic public health service weigh most; others add a little.
const FOCUS_WEIGHTS = [1, 1.5, 0.4, 0.4, 0.6, 5, 5];
/** Hypertension, diabetes, severe mental disorder, tuberculosis: the conditions with a focus group. */
const FOCUS_GROUP_MASK = 0b1100011;

function band(age: number): number {
  let b = 0;
  while (b + 1 < BAND_STARTS.length && age >= BAND_STARTS[b + 1]!) b++;
  return b;
}

/** How likely a resident has a record at all: near-universal for the old and the very young. */
function recordWeight(age: number, floating: boolean): number {
  const base = age >= 60 ? 3 : age <= 6 ? 2 : age >= 40 ? 1.3 : 1;
  return floating ? base * 0.6 : base;
}

export const healthStep = (ctx: DistrictContext): TableStep =>
  locatedStep(
    'health_records',
    ['resident_id', 'conditions_enc', 'chronic_focus', 'last_follow_up'],
    healthRows(ctx),
  );

function* healthRows(ctx: DistrictContext): Generator<Row> {
  const random = streamFor(ctx, 'health');
  const residents = need(ctx.residents, 'residents');
  const per = ctx.spec.perDistrict;
  const n = residents.count;

  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = recordWeight(residents.age[i]!, residents.floating[i] === 1);
  const hasRecord = sampleWeighted(weights, per.healthRecords, random);

  // Conditions as bit masks; then exactly the chronic-focus target drawn among those who qualify.
  const masks = new Uint8Array(n);
  const focusWeights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!hasRecord[i]) continue;
    const b = band(residents.age[i]!);
    let mask = 0;
    let focus = 0;
    for (let c = 0; c < CONDITIONS.length; c++) {
      if (random.chance(PREVALENCE[c]![b]!)) {
        mask |= 1 << c;
        focus += FOCUS_WEIGHTS[c]!;
      }
    }
    masks[i] = mask;
    focusWeights[i] = mask & FOCUS_GROUP_MASK ? focus : 0;
  }
  const focus = sampleWeighted(focusWeights, Math.min(per.chronicFocus, countPositive(focusWeights)), random);

  const locations = ctx.tree.grids.map(locationOf);
  const jsonByMask = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    if (!hasRecord[i]) continue;
    const mask = masks[i]!;
    let json = jsonByMask.get(mask);
    if (json === undefined) {
      json = JSON.stringify(CONDITIONS.filter((_, c) => mask & (1 << c)));
      jsonByMask.set(mask, json);
    }
    const inFocus = focus[i] === 1;
    // Focus groups are followed up quarterly (a few overdue); others occasionally.
    const lastFollowUp = inFocus
      ? REFERENCE_DAY - random.int(0, random.chance(0.06) ? 240 : 95)
      : mask !== 0 && random.chance(0.5)
        ? REFERENCE_DAY - random.int(0, 700)
        : null;
    const id = ++ctx.ids.health_records;
    yield [
      id,
      ...locations[residents.grid[i]!]!,
      residents.firstId + i,
      ctx.pii.encrypt(json, { table: 'health_records', column: 'conditions_enc', rowId: id }),
      inFocus,
      lastFollowUp === null ? null : isoDate(lastFollowUp),
    ];
  }
}

function countPositive(values: Float64Array): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > 0) n++;
  return n;
}
