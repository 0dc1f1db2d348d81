// Who lives together: household sizes and members (relation, age, sex) for registered and floating households.
import type { Random } from '../../../core/random';

export type Relation = '本人' | '配偶' | '子女' | '父母' | '其他';
export type Member = { relation: Relation; age: number; male: boolean };

// Household size distributions; totals are then nudged to the target resident count.
export const REGISTERED_SIZES: readonly (readonly [number, number])[] = [
  [1, 30],
  [2, 30],
  [3, 22],
  [4, 11],
  [5, 5],
  [6, 2],
];
export const FLOATING_SIZES: readonly (readonly [number, number])[] = [
  [1, 48],
  [2, 30],
  [3, 14],
  [4, 6],
  [5, 2],
];
export const MAX_HOUSEHOLD = 8;

const REGISTERED_HEAD_AGES: readonly (readonly [[number, number], number])[] = [
  [[22, 29], 9],
  [[30, 39], 26],
  [[40, 49], 26],
  [[50, 59], 18],
  [[60, 69], 11],
  [[70, 79], 7],
  [[80, 95], 3],
];
const FLOATING_HEAD_AGES: readonly (readonly [[number, number], number])[] = [
  [[18, 24], 16],
  [[25, 34], 41],
  [[35, 44], 27],
  [[45, 54], 12],
  [[55, 66], 4],
];

const ageIn = (random: Random, [lo, hi]: [number, number]) => random.int(lo, hi);
const clampAge = (age: number) => Math.max(0, Math.min(100, age));
const childMale = (random: Random) => random.chance(0.535);

export function household(random: Random, size: number, floating: boolean): Member[] {
  const headAge = ageIn(random, random.weighted(floating ? FLOATING_HEAD_AGES : REGISTERED_HEAD_AGES));
  const head: Member = { relation: '本人', age: headAge, male: random.chance(floating ? 0.58 : 0.54) };
  const members = [head];
  if (size >= 2 && random.chance(floating ? 0.62 : 0.85)) {
    members.push({ relation: '配偶', age: clampAge(headAge + random.int(-4, 4)), male: !head.male });
  }
  let children = 0;
  let parents = 0;
  while (members.length < size) {
    if (floating) {
      // Young families bring small children; otherwise relatives and flatmates of working age.
      if (headAge >= 22 && headAge <= 45 && children < 2 && random.chance(0.7)) {
        members.push({
          relation: '子女',
          age: random.int(0, Math.min(16, headAge - 20)),
          male: childMale(random),
        });
        children++;
      } else {
        members.push({ relation: '其他', age: random.int(18, 45), male: random.chance(0.55) });
      }
      continue;
    }
    if (headAge <= 62 && children < 3 && random.chance(0.85)) {
      const maxAge = Math.max(0, Math.min(headAge - 22, 30));
      members.push({ relation: '子女', age: random.int(0, maxAge), male: childMale(random) });
      children++;
    } else if (headAge <= 55 && parents < 2) {
      members.push({
        relation: '父母',
        age: clampAge(headAge + random.int(24, 32)),
        male: random.chance(0.42),
      });
      parents++;
    } else if (headAge > 62 && children < 2 && random.chance(0.7)) {
      members.push({
        relation: '子女',
        age: clampAge(headAge - random.int(25, 35)),
        male: childMale(random),
      });
      children++;
    } else {
      // Grandchildren and other relatives.
      const age = headAge > 55 ? random.int(0, Math.max(0, headAge - 48)) : random.int(16, 60);
      members.push({ relation: '其他', age: clampAge(age), male: random.chance(0.52) });
    }
  }
  return members;
}
