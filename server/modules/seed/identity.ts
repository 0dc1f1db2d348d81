// Identity documents and contact data: ID numbers unique across a whole run, and mobile numbers.
import type { Random } from '../../../core/random';
import { makeIdNumber } from '../../../core/validation/id-number';
import { dayNumber, isoDate } from './dates';

/** Integer mixer, to rotate each key's sequence numbers so they do not all start at 000. */
function mix(n: number): number {
  let h = Math.imul(n ^ (n >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

const FIRST_DAY = dayNumber('1900-01-01');
const DAY_SPAN = dayNumber('2030-12-31') - FIRST_DAY + 1;

/**
 * Hands out ID numbers that are unique across a run of `districtCount` districts without remembering other
 * districts: district i only uses sequence numbers 2·(k·count + i) (+1 for men). When a region, birth day
 * and sex run out of numbers, the birth day moves one day earlier. Returns the ID number and birth day.
 */
export function createIdNumberAllocator(districtIndex: number, districtCount: number) {
  const slots = Math.floor((499 - districtIndex) / districtCount) + 1;
  const regions = new Map<string, { salt: number; used: Uint16Array }>();
  return (region: string, birthDay: number, male: boolean): { idNumber: string; birthDay: number } => {
    let state = regions.get(region);
    if (!state) {
      // Numbers used per (day, sex) of this region: 2 × 48k counters.
      state = { salt: Number(region) << 7, used: new Uint16Array(2 * DAY_SPAN) };
      regions.set(region, state);
    }
    const { salt, used } = state;
    for (let day = birthDay; ; day--) {
      const slot = (day - FIRST_DAY) * 2 + (male ? 1 : 0);
      if (slot < 0) throw new Error(`ID numbers exhausted for region ${region}`);
      const n = used[slot]!;
      if (n >= slots) continue;
      used[slot] = n + 1;
      // A fixed rotation per (region, day, sex), so that n = 0, 1, … map to distinct sequence numbers.
      const k = (mix(slot ^ salt) + n) % slots;
      const sequence = 2 * (k * districtCount + districtIndex) + (male ? 1 : 0);
      return { idNumber: makeIdNumber(region, isoDate(day), sequence), birthDay: day };
    }
  };
}

const MOBILE_PREFIXES = (
  '134 135 136 137 138 139 147 150 151 152 157 158 159 178 182 183 184 187 188 198 ' +
  '130 131 132 155 156 166 175 176 185 186 133 153 173 177 180 181 189 191 199'
).split(' ');

export function mobileNumber(random: Random): string {
  return random.pick(MOBILE_PREFIXES) + String(Math.floor(random.next() * 1e8)).padStart(8, '0');
}
