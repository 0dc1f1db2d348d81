// Enterprises (USCC registration dept 9) and social organisations (dept 5) at the district's addresses.
import type { Random } from '../../../core/random';
import { searchBigrams } from '../../../core/text/bigrams';
import { makeUscc } from '../../../core/validation/uscc';
import { weightedIndex } from './allocate';
import { type DistrictContext, locatedStep, locationOf, need, streamFor, type TableStep } from './context';
import type { Row } from './csv';
import { dayNumber, isoDate } from './dates';
import { personName } from './names';

type Industry = {
  code: string;
  weight: number;
  words: readonly string[];
  staff: [median: number, max: number];
};
const INDUSTRIES: readonly Industry[] = [
  {
    code: 'manufacturing',
    weight: 20,
    words: ['机械制造', '电子科技', '五金制品', '塑料制品', '汽车零部件', '精密仪器', '包装材料', '新材料'],
    staff: [40, 3000],
  },
  { code: 'logistics', weight: 11, words: ['物流', '货运代理', '供应链管理', '仓储服务'], staff: [15, 600] },
  {
    code: 'port_shipping',
    weight: 6,
    words: ['船务', '港口服务', '国际货运代理', '船舶修造', '码头装卸'],
    staff: [30, 1500],
  },
  { code: 'retail', weight: 20, words: ['商贸', '贸易', '便利店', '百货', '超市'], staff: [5, 200] },
  { code: 'catering', weight: 13, words: ['餐饮管理', '酒家', '饮食', '茶餐厅'], staff: [8, 150] },
  { code: 'construction', weight: 8, words: ['建筑工程', '装饰工程', '市政工程', '建材'], staff: [25, 1200] },
  {
    code: 'hazardous_chemicals',
    weight: 3,
    words: ['化工', '石油化工', '危险品运输', '化学品贸易', '燃气'],
    staff: [30, 800],
  },
  { code: 'software_it', weight: 7, words: ['信息科技', '网络科技', '软件'], staff: [12, 800] },
  {
    code: 'business_services',
    weight: 8,
    words: ['企业管理咨询', '人力资源', '物业管理', '家政服务'],
    staff: [10, 400],
  },
  { code: 'real_estate', weight: 4, words: ['房地产开发', '置业'], staff: [20, 500] },
];
const BRAND_HEADS = Array.from('鸿恒广宏联华新捷永金粤珠南东启盛泰嘉远利安信达丰和兴隆明誉德越创');
const BRAND_TAILS = Array.from('达信源图创通港运盛穗海江方航泰业发昌隆富豪景辉鑫荣华锦程域汇邦');
// GB 32100 organisation body characters (no I, O, S, V, Z).
const BODY_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const LICENCE: readonly (readonly [string, number])[] = [
  ['licensed', 91],
  ['unlicensed', 4],
  ['expired', 4],
  ['revoked', 1],
];

function addressPicker(ctx: DistrictContext) {
  const addresses = need(ctx.addresses, 'addresses');
  const pick = weightedIndex(Array.from(addresses.commercial, (c) => 1 + 4 * c));
  return (random: Random) => pick(random);
}

function uniqueUscc(random: Random, used: Set<string>, dept: string, type: string, region: string): string {
  for (;;) {
    let body = '';
    for (let i = 0; i < 8; i++) body += BODY_CHARS[Math.floor(random.next() * BODY_CHARS.length)];
    const uscc = makeUscc(dept, type, region, body);
    if (!used.has(uscc)) {
      used.add(uscc);
      return uscc;
    }
  }
}

export const enterpriseStep = (ctx: DistrictContext): TableStep =>
  locatedStep(
    'enterprises',
    [
      'address_id',
      'name',
      'uscc',
      'industry',
      'hazardous_chemicals',
      'licence_status',
      'employees',
      'legal_representative',
      'search_bigrams',
    ],
    enterpriseRows(ctx),
  );

function* enterpriseRows(ctx: DistrictContext): Generator<Row> {
  const random = streamFor(ctx, 'enterprises');
  const addresses = need(ctx.addresses, 'addresses');
  const pickAddress = addressPicker(ctx);
  const locations = ctx.tree.grids.map(locationOf);
  const usedNames = new Set<string>();
  const usedUscc = new Set<string>();
  for (let k = 0; k < ctx.spec.perDistrict.enterprises; k++) {
    const industry = random.weighted(INDUSTRIES.map((i) => [i, i.weight] as const));
    let name = '';
    do {
      const brand = random.pick(BRAND_HEADS) + random.pick(BRAND_TAILS);
      const prefix = random.chance(0.7) ? '广州市' : '广州';
      name = `${prefix}${brand}${random.pick(industry.words)}有限公司`;
    } while (usedNames.has(name));
    usedNames.add(name);
    const hazardous =
      industry.code === 'hazardous_chemicals' ||
      ((industry.code === 'manufacturing' || industry.code === 'logistics') && random.chance(0.035));
    const [median, max] = industry.staff;
    const employees = Math.min(max, Math.max(1, Math.round(median * Math.exp(random.normal(0, 1)))));
    const a = pickAddress(random);
    yield [
      ++ctx.ids.enterprises,
      ...locations[addresses.grid[a]!]!,
      addresses.firstId + a,
      name,
      uniqueUscc(random, usedUscc, '9', '1', ctx.tree.code),
      industry.code,
      hazardous,
      random.weighted(LICENCE),
      employees,
      personName(random, random.chance(0.75) ? 'M' : 'F'),
      searchBigrams(name),
    ];
  }
}

const SOCIAL_KINDS = [
  {
    kind: 'social_group',
    type: '1',
    weight: 50,
    names: ['物流行业协会', '书法家协会', '商会', '老年人体育协会', '青年企业家协会', '义工联合会'],
  },
  {
    kind: 'private_non_enterprise',
    type: '2',
    weight: 45,
    names: ['社会工作服务中心', '长者服务中心', '培训中心', '康复服务中心', '社区服务中心'],
  },
  { kind: 'foundation', type: '3', weight: 5, names: ['慈善基金会', '教育基金会', '助学基金会'] },
] as const;

export const socialOrganisationStep = (ctx: DistrictContext): TableStep =>
  locatedStep(
    'social_organisations',
    ['address_id', 'name', 'uscc', 'kind', 'registered_on'],
    socialRows(ctx),
  );

function* socialRows(ctx: DistrictContext): Generator<Row> {
  const random = streamFor(ctx, 'social_organisations');
  const addresses = need(ctx.addresses, 'addresses');
  const locations = ctx.tree.grids.map(locationOf);
  const usedNames = new Set<string>();
  const usedUscc = new Set<string>();
  const first = dayNumber('2005-01-01');
  const last = dayNumber('2024-12-31');
  for (let k = 0; k < ctx.spec.perDistrict.socialOrganisations; k++) {
    const spec = random.weighted(SOCIAL_KINDS.map((s) => [s, s.weight] as const));
    const a = Math.floor(random.next() * addresses.count);
    const grid = ctx.tree.grids[addresses.grid[a]!]!;
    let name = '';
    do {
      const qualifier = random.chance(0.5) ? grid.stem : random.pick(BRAND_HEADS) + random.pick(BRAND_TAILS);
      name = `广州市${ctx.tree.name}${qualifier}${random.pick(spec.names)}`;
    } while (usedNames.has(name));
    usedNames.add(name);
    yield [
      ++ctx.ids.social_organisations,
      ...locations[addresses.grid[a]!]!,
      addresses.firstId + a,
      name,
      uniqueUscc(random, usedUscc, '5', spec.type, ctx.tree.code),
      spec.kind,
      isoDate(random.int(first, last)),
    ];
  }
}
