// Residents: households in occupied houses, with valid and unique ID numbers and encrypted personal data.
import { maskIdNumber, maskPhone } from '../../../core/masking';
import type { Random } from '../../../core/random';
import { searchBigrams } from '../../../core/text/bigrams';
import { adjustTotal } from './allocate';
import { type DistrictContext, locatedStep, locationOf, need, streamFor, type TableStep } from './context';
import type { Row } from './csv';
import { ageOn, DAYS_PER_YEAR, isoDate, REFERENCE_DAY } from './dates';
import { FLOATING_SIZES, household, MAX_HOUSEHOLD, type Member, REGISTERED_SIZES } from './households';
import { createIdNumberAllocator, mobileNumber } from './identity';
import { personName, randomSurname } from './names';
import { floatingOrigin, type Origin, registeredOrigin } from './origins';

// Chance that a household is floating (流动人口), by house use; tuned for ~42 % floating residents.
const FLOATING_IF_RENTED = 0.91;
const FLOATING_IF_OWN = 0.13;

const RESIDENT_COLUMNS = [
  'house_id',
  'name',
  'sex',
  'birth_month',
  'household_type',
  'permit_expiry',
  'id_number_enc',
  'id_number_hmac',
  'id_number_masked',
  'phone_enc',
  'phone_hmac',
  'phone_masked',
  'ethnicity',
  'relation',
  'tags',
  'search_bigrams',
] as const;

export const residentStep = (ctx: DistrictContext): TableStep =>
  locatedStep('residents', RESIDENT_COLUMNS, residentRows(ctx));

function* residentRows(ctx: DistrictContext): Generator<Row> {
  const random = streamFor(ctx, 'residents');
  const houses = need(ctx.houses, 'houses');
  const { pii, tree } = ctx;
  const target = ctx.spec.perDistrict.residents;

  const occupied: number[] = [];
  for (let h = 0; h < houses.count; h++) if (houses.use[h]! <= 1) occupied.push(h);
  const floatingHouse = new Uint8Array(occupied.length);
  const sizes = new Uint8Array(occupied.length);
  occupied.forEach((h, i) => {
    floatingHouse[i] = random.chance(houses.use[h] === 1 ? FLOATING_IF_RENTED : FLOATING_IF_OWN) ? 1 : 0;
    sizes[i] = random.weighted(floatingHouse[i] ? FLOATING_SIZES : REGISTERED_SIZES);
  });
  adjustTotal(sizes, target, random, 1, MAX_HOUSEHOLD);

  const set = {
    firstId: ctx.ids.residents + 1,
    count: target,
    grid: new Uint16Array(target),
    age: new Uint8Array(target),
    male: new Uint8Array(target),
    floating: new Uint8Array(target),
  };
  ctx.residents = set;
  const allocateId = createIdNumberAllocator(tree.index, ctx.districtCount);
  const locations = tree.grids.map(locationOf);
  let index = 0;
  for (let i = 0; i < occupied.length; i++) {
    const h = occupied[i]!;
    const floating = floatingHouse[i] === 1;
    const members = household(random, sizes[i]!, floating);
    const familyOrigin = floating ? floatingOrigin(random) : registeredOrigin(random, tree.code);
    const surnames = familySurnames(random, members);
    for (let m = 0; m < members.length; m++) {
      const member = members[m]!;
      const origin: Origin =
        member.relation === '其他' && random.chance(0.5)
          ? floating
            ? floatingOrigin(random)
            : registeredOrigin(random, tree.code)
          : familyOrigin;
      const nominalBirth = REFERENCE_DAY - Math.floor((member.age + random.next()) * DAYS_PER_YEAR);
      const { idNumber, birthDay } = allocateId(origin.region, nominalBirth, member.male);
      const age = ageOn(birthDay);
      const phone = hasPhone(random, age) ? mobileNumber(random) : null;
      const g = houses.grid[h]!;
      set.grid[index] = g;
      set.age[index] = age;
      set.male[index] = member.male ? 1 : 0;
      set.floating[index] = floating ? 1 : 0;
      index++;
      const id = ++ctx.ids.residents;
      const name = personName(random, member.male ? 'M' : 'F', surnames[m]);
      yield [
        id,
        ...locations[g]!,
        houses.firstId + h,
        name,
        member.male ? 'M' : 'F',
        `${isoDate(birthDay).slice(0, 7)}-01`,
        floating ? 'floating' : 'registered',
        floating ? isoDate(REFERENCE_DAY + random.int(-200, 900)) : null,
        pii.encrypt(idNumber, { table: 'residents', column: 'id_number_enc', rowId: id }),
        pii.hmac(idNumber),
        maskIdNumber(idNumber),
        phone && pii.encrypt(phone, { table: 'residents', column: 'phone_enc', rowId: id }),
        phone && pii.hmac(phone),
        phone && maskPhone(phone),
        origin.ethnicity,
        member.relation,
        tagsFor(random, age, member.male, floating, members.length),
        searchBigrams(name),
      ];
    }
  }
}

/** Children take the father's surname; everybody else has their own. */
function familySurnames(random: Random, members: Member[]): string[] {
  const own = members.map(() => randomSurname(random));
  const father = members.findIndex((m) => (m.relation === '本人' || m.relation === '配偶') && m.male);
  return members.map((m, i) => (m.relation === '子女' && father >= 0 ? own[father]! : own[i]!));
}

function hasPhone(random: Random, age: number): boolean {
  if (age < 12) return false;
  if (age < 18) return random.chance(0.55);
  if (age <= 75) return random.chance(0.96);
  return random.chance(0.45);
}

function tagsFor(
  random: Random,
  age: number,
  male: boolean,
  floating: boolean,
  householdSize: number,
): string[] {
  const tags: string[] = [];
  if (age >= 65 && householdSize === 1) tags.push('elderly_alone');
  if (random.chance(0.004 + age * 0.00035)) tags.push('disabled');
  if (random.chance(0.003)) tags.push('key_care');
  if (male && age >= 35 && !floating && random.chance(0.015)) tags.push('veteran');
  if (!floating && random.chance(age >= 65 ? 0.025 : 0.009)) tags.push('low_income');
  return tags;
}
