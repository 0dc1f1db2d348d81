// Service facilities, functional departments and front-line staff (grid workers, security personnel).
import { maskPhone } from '../../../core/masking';
import type { Random } from '../../../core/random';
import { allocate, weightedIndex } from './allocate';
import { type DistrictContext, locatedStep, locationOf, need, streamFor, type TableStep } from './context';
import type { Row } from './csv';
import { mobileNumber } from './identity';
import { personName } from './names';
import { randomPointIn } from './partition';

/** The district's functional departments: the source document's bureaux first. */
export const DEPARTMENTS: readonly (readonly [code: string, name: string, shortName: string])[] = [
  ['transport', '区交通运输局', '交通局'],
  ['construction', '区住房和城乡建设局', '建设局'],
  ['agriculture_landscaping', '区农业农村和园林局', '农业园林局'],
  ['traffic_police', '区公安分局交警大队', '交警大队'],
  ['industry_commerce', '区市场监督管理局', '市场监管局'],
  ['health', '区卫生健康局', '卫健局'],
  ['family_planning', '区卫生健康局计划生育科', '计生科'],
  ['rental_housing', '区住房租赁管理中心', '租赁中心'],
  ['public_security', '区公安分局', '公安分局'],
  ['education', '区教育局', '教育局'],
  ['safety_supervision', '区应急管理局', '应急局'],
  ['urban_management', '区城市管理和综合执法局', '城管局'],
  ['civil_affairs', '区民政局', '民政局'],
  ['human_resources', '区人力资源和社会保障局', '人社局'],
  ['ecology_environment', '区生态环境分局', '生态环境分局'],
];

type FacilityKind = 'school' | 'kindergarten' | 'clinic' | 'elderly_care';
const OTHER_KINDS: readonly (readonly [FacilityKind, number])[] = [
  ['school', 60],
  ['kindergarten', 110],
  ['clinic', 80],
  ['elderly_care', 51],
];

function facilityName(random: Random, kind: FacilityKind, stem: string): string {
  switch (kind) {
    case 'school':
      return `${stem}${random.pick(['小学', '中学', '实验学校', '第二小学'])}`;
    case 'kindergarten':
      return `${stem}${random.pick(['', '实验', '蓓蕾', '阳光', '育才', '爱心'])}幼儿园`;
    case 'clinic':
      return `${stem}${random.pick(['社区卫生服务站', '社区卫生服务中心'])}`;
    case 'elderly_care':
      return `${stem}${random.pick(['颐康中心', '长者服务站', '敬老院'])}`;
  }
}

function capacity(random: Random, kind: FacilityKind | 'community_service_centre'): number {
  const between = (lo: number, hi: number, step: number) => Math.round(random.int(lo, hi) / step) * step;
  if (kind === 'school') return between(600, 3000, 50);
  if (kind === 'kindergarten') return between(90, 540, 30);
  if (kind === 'clinic') return between(60, 400, 10);
  if (kind === 'elderly_care') return between(30, 300, 10);
  return between(100, 500, 50);
}

function residentsPerGrid(ctx: DistrictContext): number[] {
  const residents = need(ctx.residents, 'residents');
  const counts = ctx.tree.grids.map(() => 1);
  for (const g of residents.grid) counts[g]!++;
  return counts;
}

export const facilityStep = (ctx: DistrictContext): TableStep =>
  locatedStep('service_facilities', ['name', 'kind', 'capacity', 'lat', 'lng'], facilityRows(ctx));

function* facilityRows(ctx: DistrictContext): Generator<Row> {
  const random = streamFor(ctx, 'service_facilities');
  const { grids, communities } = ctx.tree;
  const used = new Set<string>();
  const place = (grid: (typeof grids)[number], name: string, kind: string, cap: number): Row => {
    let unique = name;
    for (let n = 2; used.has(unique); n++) unique = `${name}（${n}）`;
    used.add(unique);
    const [lng, lat] = randomPointIn(random, grid.boundary.coordinates[0]!);
    return [++ctx.ids.service_facilities, ...locationOf(grid), unique, kind, cap, lat, lng];
  };
  for (const community of communities) {
    const own = grids.filter((g) => g.communityId === community.id);
    yield place(
      random.pick(own),
      `${community.name}综合服务中心`,
      'community_service_centre',
      capacity(random, 'community_service_centre'),
    );
  }
  const rest = Math.max(0, ctx.spec.perDistrict.serviceFacilities - communities.length);
  const perKind = allocate(
    rest,
    OTHER_KINDS.map(([, w]) => w),
  );
  const pickGrid = weightedIndex(residentsPerGrid(ctx));
  for (let k = 0; k < OTHER_KINDS.length; k++) {
    const kind = OTHER_KINDS[k]![0];
    for (let i = 0; i < perKind[k]!; i++) {
      const grid = grids[pickGrid(random)]!;
      yield place(grid, facilityName(random, kind, grid.stem), kind, capacity(random, kind));
    }
  }
}

export function departmentStep(ctx: DistrictContext): TableStep {
  const departments = new Map<string, number>();
  ctx.departments = departments;
  const rows = DEPARTMENTS.map(([code, name, shortName]): Row => {
    const id = ++ctx.ids.departments;
    departments.set(code, id);
    return [id, ctx.tree.district.id, code, name, shortName];
  });
  return { table: 'departments', columns: ['id', 'district_id', 'code', 'name', 'short_name'], rows };
}

export const staffStep = (ctx: DistrictContext): TableStep =>
  locatedStep(
    'staff',
    ['area_id', 'department_id', 'name', 'role', 'phone_enc', 'phone_hmac', 'phone_masked'],
    staffRows(ctx),
  );

function* staffRows(ctx: DistrictContext): Generator<Row> {
  const random = streamFor(ctx, 'staff');
  const departments = need(ctx.departments, 'departments');
  const { grids, communities } = ctx.tree;
  const per = ctx.spec.perDistrict;
  const gridWeights = residentsPerGrid(ctx);
  const communityWeights = communities.map((c) =>
    grids.reduce((s, g, i) => s + (g.communityId === c.id ? gridWeights[i]! : 0), 0),
  );

  const person = (area: (typeof grids)[number], role: string, department: number | null): Row => {
    const phone = mobileNumber(random);
    const male = random.chance(role === 'security' ? 0.85 : 0.45);
    const name = personName(random, male ? 'M' : 'F');
    const { pii } = ctx;
    const id = ++ctx.ids.staff;
    return [
      id,
      ...locationOf(area),
      area.id,
      department,
      name,
      role,
      pii.encrypt(phone, { table: 'staff', column: 'phone_enc', rowId: id }),
      pii.hmac(phone),
      maskPhone(phone),
    ];
  };
  const comprehensive = allocate(per.comprehensiveGridWorkers, gridWeights, 1);
  for (let g = 0; g < grids.length; g++)
    for (let k = 0; k < comprehensive[g]!; k++) yield person(grids[g]!, 'comprehensive_grid_worker', null);
  const safety = allocate(per.safetyGridWorkers, gridWeights, 0, 1);
  const safetyDept = departments.get('safety_supervision')!;
  for (let g = 0; g < grids.length; g++)
    if (safety[g]) yield person(grids[g]!, 'safety_grid_worker', safetyDept);
  const security = allocate(per.securityStaff, communityWeights, 1);
  const police = departments.get('public_security')!;
  for (let c = 0; c < communities.length; c++)
    for (let k = 0; k < security[c]!; k++) yield person(communities[c]!, 'security', police);
}
