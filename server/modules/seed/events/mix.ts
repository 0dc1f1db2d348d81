// The demo history's proportions: how often each category and service is reported, and how events end up
// handled (the scenarios of scenarios.ts) among those closed locally, by departments, still open, and services.
import type { Scenario } from './scenarios';

// Relative frequency of each problem category (top level; work safety is shared by its sub-categories).
// biome-ignore format: a table is read by its rows
export const WEIGHTS: Record<string, number> = {
  '01': 60, '02': 20, '03': 15, '04': 8, '05': 30, '06': 15, '07': 35, '08': 120, '09': 40, '10': 12,
  '11': 40, '12': 70, '13': 30, '14': 80, '15': 70, '18': 60, '19': 70, '20': 60, '21': 25, '22': 6,
  '23': 25, '24': 8, '25': 4, '26': 6, '27': 10, '28': 10, '29': 4, '30': 25, '31': 10, '32': 30,
};
// biome-ignore format: a table is read by its rows
export const SERVICE_WEIGHTS: Record<string, number> = {
  '51': 14, '52': 10, '53': 8, '54': 6, '55': 5, '56': 4, '57': 6, '58': 3, '59': 6, '60': 3, '61': 3,
  '62': 5, '63': 5, '64': 4, '65': 4, '66': 6, '67': 3, '68': 2, '69': 4, '70': 8, '71': 5,
};
/** Categories more often dispatched to departments than solved locally. */
export const DEPARTMENT_HEAVY = new Set([
  '03',
  '07',
  '10',
  '11',
  '19',
  '20',
  '21',
  '22',
  '24',
  '26',
  '27',
  '28',
  '29',
]);

export const LOCAL_MIX = [
  ['grid_spot', 46],
  ['grid', 14],
  ['community', 14],
  ['community_direct', 8],
  ['street', 10],
  ['hotline_back', 7],
  ['refused_back', 0.4],
  ['restored', 0.3],
] as const satisfies readonly (readonly [Scenario, number])[];
export const DISTRICT_MIX = [
  ['dispatched', 82],
  ['redispatched', 18],
] as const satisfies readonly (readonly [Scenario, number])[];
export const OPEN_MIX = [
  ['grid', 20],
  ['community', 25],
  ['street', 35],
  ['hotline_back', 5],
  ['dispatched', 15],
] as const satisfies readonly (readonly [Scenario, number])[];
export const SERVICE_MIX = [
  ['grid_spot', 25],
  ['community_direct', 35],
  ['street', 15],
  ['dispatched', 25],
] as const satisfies readonly (readonly [Scenario, number])[];
