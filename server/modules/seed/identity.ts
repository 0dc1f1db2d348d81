// Identity documents and contact data: ID numbers unique across a whole run, and mobile numbers.
import type { Random } from '../../../core/random';
import { makeIdNumber } from '../../../core/validation/id-number';
import { isoDate } from './dates';

/** Integer mixer, to rotate each key's sequence numbers so they do not all start at 000. */
function mix(n: number): number {
  let h = Math.imul(n ^ (n >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Hands out ID numbers that are unique across a run of `districtCount` districts without remembering other
 * districts: district i only uses sequence numbers 2·(k·count + i) (+1 for men). When a region, birth day
 * and sex run out of numbers, the birth day moves one day earlier. Returns the ID number and birth day.
 */
export function createIdNumberAllocator(districtIndex: number, districtCount: number) {
  const slots = Math.floor((499 - districtIndex) / districtCount) + 1;
  const regions = new Map<string, number>();
  const used = new Map<number, number>();
  return (region: string, birthDay: number, male: boolean): { idNumber: string; birthDay: number } => {
    let regionIndex = regions.get(region);
    if (regionIndex === undefined) {
      regionIndex = regions.size;
      regions.set(region, regionIndex);
    }
    for (let day = birthDay; ; day--) {
      // Days since 1900 stay below 2^17; the key is unique per (region, day, sex).
      const key = ((regionIndex * 2 + (male ? 1 : 0)) << 17) + (day + 25_567);
      const n = used.get(key) ?? 0;
      if (n >= slots) continue;
      used.set(key, n + 1);
      const k = (mix(key) + n) % slots;
      const sequence = 2 * (k * districtCount + districtIndex) + (male ? 1 : 0);
      return { idNumber: makeIdNumber(region, isoDate(day), sequence), birthDay: day };
    }
  };
}

const MOBILE_PREFIXES = [
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '147',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '178',
  '182',
  '183',
  '184',
  '187',
  '188',
  '198',
  '130',
  '131',
  '132',
  '155',
  '156',
  '166',
  '175',
  '176',
  '185',
  '186',
  '133',
  '153',
  '173',
  '177',
  '180',
  '181',
  '189',
  '191',
  '199',
];

export function mobileNumber(random: Random): string {
  return random.pick(MOBILE_PREFIXES) + String(Math.floor(random.next() * 1e8)).padStart(8, '0');
}
