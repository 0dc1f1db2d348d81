// Door plates (addresses) and the houses (dwelling or business units) behind them.
import type { Random } from '../../../core/random';
import { searchBigrams } from '../../../core/text/bigrams';
import { allocate, logNormal } from './allocate';
import { type DistrictContext, locatedStep, locationOf, need, streamFor, type TableStep } from './context';
import type { Row } from './csv';
import { randomPointIn } from './partition';
import { CITY_NAME, communityRoads } from './place-names';

export const HOUSE_USES = ['own', 'rented', 'commercial', 'vacant'] as const;
const USE_WEIGHTS: readonly (readonly [number, number])[] = [
  [0, 45],
  [1, 38],
  [2, 8],
  [3, 9],
];
const MAX_UNITS_PER_ADDRESS = 400;

export const addressStep = (ctx: DistrictContext): TableStep =>
  locatedStep(
    'addresses',
    ['road', 'house_number', 'full_text', 'lat', 'lng', 'search_bigrams'],
    addressRows(ctx),
  );

function* addressRows(ctx: DistrictContext): Generator<Row> {
  const random = streamFor(ctx, 'addresses');
  const { district, streets, communities, grids } = ctx.tree;
  const total = ctx.spec.perDistrict.addresses;
  // Denser and sparser grids: area times a log-normal density.
  const perGrid = allocate(
    total,
    grids.map((g) => g.areaKm2 * logNormal(random, 0.45)),
    1,
  );
  const roads = communities.map((c) => communityRoads(random, c.stem, random.int(3, 7)));
  const nextNumber = new Map<string, number>();
  const streetName = new Map(streets.map((s) => [s.id, s.name]));
  const set = {
    firstId: ctx.ids.addresses + 1,
    count: total,
    grid: new Uint16Array(total),
    commercial: new Uint16Array(total),
  };
  ctx.addresses = set;
  let index = 0;
  for (let g = 0; g < grids.length; g++) {
    const grid = grids[g]!;
    const location = locationOf(grid);
    const ring = grid.boundary.coordinates[0]!;
    const communityRoadList = roads[ctx.communityIndex.get(grid.communityId!)!]!;
    for (let k = 0; k < perGrid[g]!; k++) {
      const road = random.pick(communityRoadList);
      const number = (nextNumber.get(road) ?? 0) + (random.chance(0.7) ? 1 : 2);
      nextNumber.set(road, number);
      const [lng, lat] = randomPointIn(random, ring);
      const fullText = `${CITY_NAME}${district.name}${streetName.get(grid.streetId!)}${road}${number}号`;
      set.grid[index] = g;
      const id = ++ctx.ids.addresses;
      index++;
      yield [id, ...location, road, `${number}号`, fullText, lat, lng, searchBigrams(fullText)];
    }
  }
}

export const houseStep = (ctx: DistrictContext): TableStep =>
  locatedStep('houses', ['address_id', 'unit', 'use', 'floor_area'], houseRows(ctx));

function* houseRows(ctx: DistrictContext): Generator<Row> {
  const random = streamFor(ctx, 'houses');
  const addresses = need(ctx.addresses, 'addresses');
  const { grids } = ctx.tree;
  const total = ctx.spec.perDistrict.houses;
  const weights = Array.from({ length: addresses.count }, () => logNormal(random, 0.9));
  const perAddress = allocate(total, weights, 1, MAX_UNITS_PER_ADDRESS);
  const set = {
    firstId: ctx.ids.houses + 1,
    count: total,
    grid: new Uint16Array(total),
    use: new Uint8Array(total),
  };
  ctx.houses = set;
  const locations = grids.map(locationOf);
  let index = 0;
  for (let a = 0; a < addresses.count; a++) {
    const g = addresses.grid[a]!;
    const location = locations[g]!;
    const addressId = addresses.firstId + a;
    const units = unitNames(random, perAddress[a]!);
    for (const unit of units) {
      const use = random.weighted(USE_WEIGHTS);
      if (use === 2) addresses.commercial[a]!++;
      set.grid[index] = g;
      set.use[index] = use;
      index++;
      yield [++ctx.ids.houses, ...location, addressId, unit, HOUSE_USES[use], floorArea(random, use)];
    }
  }
}

const AREA_BY_USE: readonly [mean: number, sd: number][] = [
  [95, 28],
  [58, 22],
  [80, 40],
  [75, 30],
];

function floorArea(random: Random, use: number): number {
  const [mean, sd] = AREA_BY_USE[use]!;
  return Math.round(Math.min(180, Math.max(25, random.normal(mean, sd))) * 10) / 10;
}

/** Unique unit names within one address: village houses '2层01房'-like floors, blocks '3栋502房'. */
function unitNames(random: Random, count: number): string[] {
  const perFloor = count <= 6 ? 1 : random.int(2, 8);
  const floorsPerBuilding = count <= 6 ? 6 : random.int(6, 33);
  const perBuilding = perFloor * floorsPerBuilding;
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const building = Math.floor(i / perBuilding) + 1;
    const within = i % perBuilding;
    const floor = Math.floor(within / perFloor) + 1;
    const room = (within % perFloor) + 1;
    names.push(`${building}栋${floor}${String(room).padStart(2, '0')}房`);
  }
  return names;
}
