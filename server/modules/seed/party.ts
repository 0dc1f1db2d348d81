// Party organisations (street committees → community committees → grid and other branches), members, studios.
import { sampleWeighted } from './allocate';
import { type DistrictContext, locatedStep, locationOf, need, streamFor, type TableStep } from './context';
import type { Row } from './csv';
import { DAYS_PER_YEAR, isoDate, REFERENCE_DAY } from './dates';
import type { AreaNode } from './geometry';
import { personName } from './names';
import { chineseNumber } from './place-names';

const COMMUNITY_BRANCHES = [
  '离退休党支部',
  '在职党员党支部',
  '流动党员党支部',
  '非公企业党支部',
  '社会组织党支部',
];

type Org = {
  area: AreaNode;
  parent: number | null;
  name: string;
  kind: 'committee' | 'general_branch' | 'branch';
};

export const partyOrganisationStep = (ctx: DistrictContext): TableStep =>
  locatedStep(
    'party_organisations',
    ['area_id', 'parent_id', 'name', 'kind', 'secretary'],
    partyOrganisationRows(ctx),
  );

function* partyOrganisationRows(ctx: DistrictContext): Generator<Row> {
  const random = streamFor(ctx, 'party_organisations');
  const { streets, communities, grids } = ctx.tree;
  const party = {
    gridBranch: [] as number[],
    communityBranches: communities.map((): number[] => []),
    communityCommittee: [] as number[],
  };
  ctx.party = party;
  let extra = ctx.spec.perDistrict.partyOrganisations - streets.length - communities.length - grids.length;
  if (extra < 0) throw new Error('seed: fewer party organisations than streets, communities and grids');

  const rows: Row[] = [];
  const add = (org: Org): number => {
    const id = ++ctx.ids.party_organisations;
    rows.push([
      id,
      ...locationOf(org.area),
      org.area.id,
      org.parent,
      org.name,
      org.kind,
      personName(random, random.chance(0.6) ? 'M' : 'F'),
    ]);
    return id;
  };
  const streetCommittee = new Map<number, number>();
  for (const street of streets) {
    streetCommittee.set(
      street.id,
      add({ area: street, parent: null, name: `中共${street.name}工作委员会`, kind: 'committee' }),
    );
  }
  communities.forEach((community, c) => {
    const parent = streetCommittee.get(community.streetId!)!;
    party.communityCommittee[c] = add({
      area: community,
      parent,
      name: `中共${community.name}委员会`,
      kind: 'committee',
    });
  });
  for (const grid of grids) {
    const parent = party.communityCommittee[ctx.communityIndex.get(grid.communityId!)!]!;
    party.gridBranch.push(add({ area: grid, parent, name: `${grid.name}党支部`, kind: 'branch' }));
  }
  // Street offices' own general branch with three branches, where the count allows.
  if (extra >= streets.length * 4) {
    for (const street of streets) {
      const gb = add({
        area: street,
        parent: streetCommittee.get(street.id)!,
        name: `${street.name}机关党总支`,
        kind: 'general_branch',
      });
      for (let k = 1; k <= 3; k++)
        add({
          area: street,
          parent: gb,
          name: `${street.name}机关第${chineseNumber(k)}党支部`,
          kind: 'branch',
        });
    }
    extra -= streets.length * 4;
  }
  // The rest: a community general branch each (while they last) with branches under it, round robin.
  const generalBranches: number[] = [];
  communities.forEach((community, c) => {
    if (extra <= 0) return;
    generalBranches[c] = add({
      area: community,
      parent: party.communityCommittee[c]!,
      name: `${community.name}党总支`,
      kind: 'general_branch',
    });
    extra--;
  });
  for (let k = 0; extra > 0; k++, extra--) {
    const c = k % communities.length;
    const community = communities[c]!;
    const round = Math.floor(k / communities.length);
    const suffix = COMMUNITY_BRANCHES[round % COMMUNITY_BRANCHES.length]!;
    const name = `${community.name}${round >= COMMUNITY_BRANCHES.length ? `第${chineseNumber(round + 1)}` : ''}${suffix}`;
    const parent = generalBranches[c] ?? party.communityCommittee[c]!;
    party.communityBranches[c]!.push(add({ area: community, parent, name, kind: 'branch' }));
  }
  yield* rows;
}

export const partyMemberStep = (ctx: DistrictContext): TableStep =>
  locatedStep(
    'party_members',
    ['resident_id', 'party_organisation_id', 'joined_on', 'status'],
    partyMemberRows(ctx),
  );

function* partyMemberRows(ctx: DistrictContext): Generator<Row> {
  const random = streamFor(ctx, 'party_members');
  const residents = need(ctx.residents, 'residents');
  const party = need(ctx.party, 'party organisations');
  const { grids } = ctx.tree;
  const weights = new Float64Array(residents.count);
  for (let i = 0; i < residents.count; i++) {
    const age = residents.age[i]!;
    if (age < 19) continue;
    weights[i] = (residents.floating[i] ? 0.35 : 1) * (age >= 55 ? 2.2 : age >= 35 ? 1.3 : 1);
  }
  const chosen = sampleWeighted(weights, ctx.spec.perDistrict.partyMembers, random);
  const locations = grids.map(locationOf);
  for (let i = 0; i < residents.count; i++) {
    if (!chosen[i]) continue;
    const g = residents.grid[i]!;
    const extraBranches = party.communityBranches[ctx.communityIndex.get(grids[g]!.communityId!)!]!;
    const branch =
      extraBranches.length > 0 && random.chance(0.25) ? random.pick(extraBranches) : party.gridBranch[g]!;
    // Joined at 18 or later; a year of probation before full membership.
    const years = residents.age[i]! - 18;
    const joined = random.chance(0.03)
      ? REFERENCE_DAY - random.int(0, 364)
      : REFERENCE_DAY - 365 - Math.floor(random.next() * (years - 1) * DAYS_PER_YEAR);
    const status = REFERENCE_DAY - joined < 365 ? 'probationary' : 'full';
    yield [++ctx.ids.party_members, ...locations[g]!, residents.firstId + i, branch, isoDate(joined), status];
  }
}

const STUDIO_THEMES = ['红棉', '先锋', '连心', '暖心', '同心', '启航', '红帆', '港湾', '睦邻', '初心'];

export const partyStudioStep = (ctx: DistrictContext): TableStep =>
  locatedStep(
    'party_studios',
    ['address_id', 'party_organisation_id', 'name', 'opened_on'],
    partyStudioRows(ctx),
  );

function* partyStudioRows(ctx: DistrictContext): Generator<Row> {
  const random = streamFor(ctx, 'party_studios');
  const addresses = need(ctx.addresses, 'addresses');
  const party = need(ctx.party, 'party organisations');
  const { grids, communities } = ctx.tree;
  const byCommunity = communities.map((): number[] => []);
  for (let a = 0; a < addresses.count; a++) {
    byCommunity[ctx.communityIndex.get(grids[addresses.grid[a]!]!.communityId!)!]!.push(a);
  }
  const first = REFERENCE_DAY - 12 * 365;
  for (let k = 0; k < ctx.spec.perDistrict.partyStudios; k++) {
    const c = k % communities.length;
    const a = random.pick(byCommunity[c]!);
    const community = communities[c]!;
    const name = random.chance(0.5)
      ? `${community.name}${random.pick(STUDIO_THEMES)}党员工作室`
      : `${personName(random, random.chance(0.5) ? 'M' : 'F')}党员工作室`;
    yield [
      ++ctx.ids.party_studios,
      ...locationOf(grids[addresses.grid[a]!]!),
      addresses.firstId + a,
      party.communityCommittee[c]!,
      name,
      isoDate(random.int(first, REFERENCE_DAY - 30)),
    ];
  }
}
