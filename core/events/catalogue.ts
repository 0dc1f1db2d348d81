// The coded two-level catalogue of grid events: 32 problem and hazard categories (01–32; work-safety hazards
// split into 23 sub-categories, 20.01–20.23) and the resident service request kinds (51–71).
// Codes are never reused: a category taken out of use is marked `retired` and stays here, so old events
// keep their category, name and departments.

export const EVENT_KINDS = ['dispute', 'hazard', 'service', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Bump when a category is added, retired or re-routed; events store the version they were filed under. */
export const CATALOGUE_VERSION = 1;

export interface LocalisedName {
  zh: string;
  en: string;
}

export interface EventCategory {
  /** `'03'` for a top-level category, `'03.05'` for a sub-category. */
  code: string;
  /** The top-level code of a sub-category; null for a top-level category. */
  parent: string | null;
  name: LocalisedName;
  kinds: readonly EventKind[];
  /** Department code (the demo's `departments.code`) that leads when the district centre dispatches. */
  leadDepartment: string;
  coDepartments: readonly string[];
  /** Need to know: only the handling chain and the district centre see the details. */
  sensitive: boolean;
  /** May be reported as an emergency (直报): straight to the district centre, elapsed-time limits. */
  emergencyPossible: boolean;
  retired?: boolean;
}

type Flag = 'sensitive' | 'emergency';
type Row = [
  code: string,
  zh: string,
  en: string,
  kinds: EventKind[],
  lead: string,
  co: string[],
  flags?: Flag[],
];

const DISPUTE: EventKind[] = ['dispute'];
const HAZARD: EventKind[] = ['hazard'];
const OTHER: EventKind[] = ['other'];
const SERVICE: EventKind[] = ['service'];

// biome-ignore format: a table is read by its rows
const PROBLEMS: Row[] = [
  ['01', '邻里纠纷', 'Neighbour disputes', DISPUTE, 'public_security', ['civil_affairs']],
  ['02', '婚姻家庭纠纷', 'Marriage and family disputes', DISPUTE, 'civil_affairs', ['public_security']],
  ['03', '劳资纠纷（欠薪）', 'Labour disputes and wage arrears', DISPUTE, 'human_resources', ['construction', 'public_security']],
  ['04', '土地房屋权属纠纷', 'Land and property rights disputes', DISPUTE, 'agriculture_landscaping', ['construction']],
  ['05', '物业租赁纠纷', 'Property management and tenancy disputes', DISPUTE, 'construction', ['rental_housing']],
  ['06', '消费纠纷', 'Consumer disputes', DISPUTE, 'industry_commerce', []],
  ['07', '违法建设', 'Illegal construction', HAZARD, 'urban_management', ['construction']],
  ['08', '环境卫生', 'Environmental sanitation', HAZARD, 'urban_management', ['health']],
  ['09', '噪声扰民', 'Noise nuisance', HAZARD, 'ecology_environment', ['urban_management', 'public_security']],
  ['10', '水体与大气污染', 'Water and air pollution', HAZARD, 'ecology_environment', ['agriculture_landscaping']],
  ['11', '道路交通设施', 'Road and transit facilities', HAZARD, 'transport', ['construction', 'agriculture_landscaping', 'traffic_police']],
  ['12', '市政设施', 'Municipal facilities', HAZARD, 'construction', ['urban_management']],
  ['13', '园林绿化', 'Greening and landscaping', HAZARD, 'agriculture_landscaping', ['urban_management']],
  ['14', '乱停乱放', 'Illegal parking', HAZARD, 'traffic_police', ['urban_management']],
  ['15', '占道经营', 'Street vending', HAZARD, 'urban_management', ['industry_commerce']],
  ['16', '无证无照经营', 'Unlicensed trading', HAZARD, 'industry_commerce', ['urban_management', 'public_security']],
  ['17', '学生课外托管', 'Unlicensed after-school care', HAZARD, 'education', ['industry_commerce', 'safety_supervision', 'health']],
  ['18', '出租屋安全', 'Rental housing safety', HAZARD, 'rental_housing', ['public_security', 'safety_supervision']],
  ['19', '消防安全隐患', 'Fire hazards', HAZARD, 'safety_supervision', ['public_security', 'urban_management'], ['emergency']],
  ['20', '安全生产隐患', 'Work-safety hazards', HAZARD, 'safety_supervision', ['industry_commerce', 'construction'], ['emergency']],
  ['21', '食品安全', 'Food safety', HAZARD, 'industry_commerce', ['health']],
  ['22', '药品安全', 'Drug safety', HAZARD, 'industry_commerce', ['health']],
  ['23', '社会治安', 'Public order and mass incidents', ['dispute', 'hazard'], 'public_security', [], ['emergency']],
  ['24', '信访诉求', 'Petitions', DISPUTE, 'civil_affairs', ['public_security'], ['sensitive']],
  ['25', '家庭暴力', 'Domestic violence', DISPUTE, 'public_security', ['civil_affairs'], ['sensitive', 'emergency']],
  ['26', '严重精神障碍患者风险', 'Mental-health risk persons', HAZARD, 'health', ['public_security', 'civil_affairs'], ['sensitive', 'emergency']],
  ['27', '传染病疫情防控', 'Epidemic prevention', HAZARD, 'health', ['public_security', 'education'], ['emergency']],
  ['28', '三防（防汛防台风）', 'Floods and typhoons', HAZARD, 'safety_supervision', ['construction', 'urban_management', 'agriculture_landscaping'], ['emergency']],
  ['29', '地质灾害', 'Geological hazards', HAZARD, 'safety_supervision', ['construction'], ['emergency']],
  ['30', '养老关爱', 'Elderly care (people living alone, neglect)', OTHER, 'civil_affairs', ['health']],
  ['31', '助残帮扶', 'Disability help', OTHER, 'civil_affairs', ['health']],
  ['32', '其他问题', 'Other problems', ['dispute', 'hazard', 'other'], 'urban_management', []],
];

const SAFETY = 'safety_supervision';
// biome-ignore format: a table is read by its rows
const WORK_SAFETY: Row[] = [
  ['20.01', '危险化学品储存', 'Hazardous chemicals: storage', HAZARD, SAFETY, ['public_security'], ['emergency']],
  ['20.02', '危险化学品运输', 'Hazardous chemicals: transport', HAZARD, SAFETY, ['transport', 'traffic_police'], ['emergency']],
  ['20.03', '危险化学品使用', 'Hazardous chemicals: use', HAZARD, SAFETY, [], ['emergency']],
  ['20.04', '危险化学品经营', 'Hazardous chemicals: trading', HAZARD, SAFETY, ['industry_commerce'], ['emergency']],
  ['20.05', '危险化学品生产', 'Hazardous chemicals: production', HAZARD, SAFETY, [], ['emergency']],
  ['20.06', '危险化学品废弃处置', 'Hazardous chemicals: waste disposal', HAZARD, SAFETY, ['ecology_environment'], ['emergency']],
  ['20.07', '企业消防设施与疏散通道', 'Fire equipment and escape routes', HAZARD, SAFETY, ['public_security'], ['emergency']],
  ['20.08', '燃气安全', 'Gas safety', HAZARD, 'urban_management', [SAFETY], ['emergency']],
  ['20.09', '特种设备', 'Special equipment (boilers, lifts, pressure vessels)', HAZARD, 'industry_commerce', [SAFETY], ['emergency']],
  ['20.10', '建筑施工', 'Construction sites', HAZARD, 'construction', [SAFETY], ['emergency']],
  ['20.11', '有限空间作业', 'Confined spaces', HAZARD, SAFETY, [], ['emergency']],
  ['20.12', '粉尘防爆', 'Combustible dust', HAZARD, SAFETY, [], ['emergency']],
  ['20.13', '用电安全', 'Electrical safety', HAZARD, SAFETY, []],
  ['20.14', '动火与高处作业', 'Hot work and work at height', HAZARD, SAFETY, []],
  ['20.15', '机械设备防护', 'Machinery guarding', HAZARD, SAFETY, []],
  ['20.16', '涉氨制冷', 'Ammonia refrigeration', HAZARD, SAFETY, [], ['emergency']],
  ['20.17', '金属冶炼', 'Metal smelting', HAZARD, SAFETY, [], ['emergency']],
  ['20.18', '仓储物流', 'Warehousing and logistics', HAZARD, SAFETY, ['transport']],
  ['20.19', '港口码头', 'Ports and wharves', HAZARD, 'transport', [SAFETY], ['emergency']],
  ['20.20', '道路运输企业', 'Road transport operators', HAZARD, 'transport', [SAFETY, 'traffic_police']],
  ['20.21', '人员密集场所', 'Crowded places', HAZARD, SAFETY, ['public_security'], ['emergency']],
  ['20.22', '职业健康', 'Occupational health', HAZARD, 'health', [SAFETY]],
  ['20.23', '安全管理制度与培训', 'Safety management and training', HAZARD, SAFETY, []],
];

// biome-ignore format: a table is read by its rows
const SERVICES: Row[] = [
  ['51', '居住证办理', 'Residence permit', SERVICE, 'rental_housing', ['public_security']],
  ['52', '陪同就医', 'Accompanying to medical procedures', SERVICE, 'civil_affairs', ['health']],
  ['53', '退休证年审', 'Annual review of retirement certificate', SERVICE, 'human_resources', []],
  ['54', '社保参保登记', 'Social insurance enrolment', SERVICE, 'human_resources', []],
  ['55', '就业登记与推荐', 'Job registration and referral', SERVICE, 'human_resources', []],
  ['56', '最低生活保障申请', 'Minimum living allowance', SERVICE, 'civil_affairs', []],
  ['57', '高龄津贴申领', 'Old-age allowance', SERVICE, 'civil_affairs', []],
  ['58', '残疾人证办理', 'Disability certificate', SERVICE, 'civil_affairs', ['health']],
  ['59', '居家养老服务', 'Home care for the elderly', SERVICE, 'civil_affairs', ['health']],
  ['60', '计划生育证明', 'Family-planning certificate', SERVICE, 'family_planning', []],
  ['61', '生育服务登记', 'Birth service registration', SERVICE, 'family_planning', ['health']],
  ['62', '预防接种预约', 'Vaccination appointment', SERVICE, 'health', []],
  ['63', '家庭医生签约', 'Family doctor contract', SERVICE, 'health', []],
  ['64', '入学申请咨询', 'School admission', SERVICE, 'education', []],
  ['65', '户籍证明', 'Household registration certificate', SERVICE, 'public_security', []],
  ['66', '出租屋登记备案', 'Rental housing registration', SERVICE, 'rental_housing', []],
  ['67', '个体工商户登记', 'Sole-trader registration', SERVICE, 'industry_commerce', []],
  ['68', '临时救助申请', 'Temporary hardship assistance', SERVICE, 'civil_affairs', []],
  ['69', '老年人乘车卡', 'Senior transit card', SERVICE, 'transport', []],
  ['70', '大件垃圾清运预约', 'Bulky waste collection', SERVICE, 'urban_management', []],
  ['71', '其他便民服务', 'Other services', SERVICE, 'civil_affairs', []],
];

const toCategory = ([code, zh, en, kinds, lead, co, flags = []]: Row): EventCategory => ({
  code,
  parent: code.includes('.') ? code.slice(0, code.indexOf('.')) : null,
  name: { zh, en },
  kinds,
  leadDepartment: lead,
  coDepartments: co,
  sensitive: flags.includes('sensitive'),
  emergencyPossible: flags.includes('emergency'),
});

/** Every category ever defined, retired ones included, in code order. */
export const CATEGORIES: readonly EventCategory[] = [...PROBLEMS, ...WORK_SAFETY, ...SERVICES]
  .map(toCategory)
  .sort((a, b) => a.code.localeCompare(b.code));

/** The lookups over a list of categories; the module's own functions use `CATEGORIES`. */
export function catalogueOf(categories: readonly EventCategory[]) {
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const inUse = (c: EventCategory, includeRetired = false) => includeRetired || !c.retired;

  /** Any category by code, retired ones too (old events keep theirs). */
  const find = (code: string): EventCategory | undefined => byCode.get(code);

  /** The top-level category of a code: itself, or its parent. */
  const topLevel = (code: string): EventCategory | undefined => {
    const category = find(code);
    return category?.parent ? find(category.parent) : category;
  };

  const subCategories = (code: string, options: { includeRetired?: boolean } = {}) =>
    categories.filter((c) => c.parent === code && inUse(c, options.includeRetired));

  /** Top-level categories in use that apply to a kind. */
  const ofKind = (kind: EventKind, options: { includeRetired?: boolean } = {}) =>
    categories.filter((c) => c.parent === null && c.kinds.includes(kind) && inUse(c, options.includeRetired));

  /**
   * Why a new event may not be filed under `code` as `kind`, or null when it may. A category with
   * sub-categories (work safety) takes one of them, so the figures per sub-category add up.
   */
  const refuse = (code: string, kind: EventKind): CategoryRefusal | null => {
    const category = find(code);
    const top = topLevel(code);
    if (!category || !top) return 'unknown';
    if (category.retired || top.retired) return 'retired';
    if (!top.kinds.includes(kind)) return 'wrong_kind';
    if (subCategories(category.code).length > 0) return 'needs_sub_category';
    return null;
  };

  return { find, topLevel, subCategories, ofKind, refuse };
}

export type CategoryRefusal = 'unknown' | 'retired' | 'needs_sub_category' | 'wrong_kind';

const CATALOGUE = catalogueOf(CATEGORIES);
export const findCategory = CATALOGUE.find;
export const topLevelOf = CATALOGUE.topLevel;
export const subCategoriesOf = CATALOGUE.subCategories;
export const categoriesOfKind = CATALOGUE.ofKind;
export const refuseCategoryChoice = CATALOGUE.refuse;

/** The 32 problem and hazard categories (every top-level category that is not a service request kind). */
export const PROBLEM_CATEGORIES: readonly EventCategory[] = CATEGORIES.filter(
  (c) => c.parent === null && !c.kinds.includes('service'),
);

/** The resident service request kinds, each with the department that handles it. */
export const SERVICE_KINDS: readonly EventCategory[] = CATEGORIES.filter(
  (c) => c.parent === null && c.kinds.includes('service'),
);
