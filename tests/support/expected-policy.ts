import type {
  Action,
  PersonalField,
  RegistryResource,
  Resource,
  Subject,
} from '../../core/policy/capabilities';
import type { Role } from '../../core/policy/roles';

/*
 * Who may do what, written out by hand from the product's rules (README's roles, docs/decisions.md on
 * reveal and departments) and kept apart from core/policy on purpose: the authorization matrix compares
 * both POLICY and the live server with this table, so a missing or mistyped POLICY entry fails the test
 * instead of being expected. Change it only when the product's rules change.
 *
 *   r read   c create   u update   a archive   v reveal   x export
 *   grid events (c = report), the actions of the loop:
 *   A accept  V void  H handle here  E escalate  B send back  D dispatch  N refuse (not ours)  F feedback
 *   K complete (lead's feedback)  T ask extension  P approve extension  Q refuse extension  Y verify  W rework
 *   C close  R rate  S shelve  O restore  M merge
 *   supervision orders (c = issue by hand): G answer  C close (accept the answer)  B send back
 */
const ROLE_COLUMNS: readonly Role[] = [
  'admin',
  'district_leader',
  'district_centre',
  'street_staff',
  'community_staff',
  'grid_worker',
  'department_staff', // before its department's remit, below
  'auditor',
];

// biome-ignore format: a table is read by its columns
export const EXPECTED_POLICY: Record<Resource, readonly string[]> = {
  //                     admin  leader  centre    street    community grid    dept  auditor
  areas:                  ['r',   'r',  'r',      'r',      'r',      'r',    'r',  ''],
  summary:                ['r',   'r',  'r',      'r',      'r',      'r',    'r',  ''],
  audit:                  ['',    '',   '',       '',       '',       '',     '',   'r'],
  accounts:               ['rcux', '',  '',       '',       '',       '',     '',   ''],
  addresses:              ['',    'r',  'rcuax',  'rcuax',  'rcua',   'rcu',  '',   ''],
  houses:                 ['',    'r',  'rcuax',  'rcuax',  'rcua',   'rcu',  '',   ''],
  residents:              ['',    'rx', 'rcuavx', 'rcuavx', 'rcuav',  'rcuv', '',   ''],
  'health-records':       ['',    'r',  'rcuavx', 'rcuavx', 'rcuav',  'rcuv', '',   ''],
  enterprises:            ['',    'rx', 'rcuax',  'rcuax',  'rcua',   'rcu',  '',   ''],
  'social-organisations': ['',    'r',  'rcuax',  'rcuax',  'rcua',   'rcu',  '',   ''],
  'party-organisations':  ['',    'r',  'rcuax',  'rcuax',  'rcua',   'r',    '',   ''],
  'party-members':        ['',    'r',  'rcuax',  'rcuax',  'rcua',   'r',    '',   ''],
  'party-studios':        ['',    'r',  'rcuax',  'rcuax',  'rcua',   'r',    '',   ''],
  'service-facilities':   ['',    'r',  'rcuax',  'rcuax',  'rcua',   'rcu',  '',   ''],
  departments:            ['',    'r',  'rcuax',  'r',      'r',      'r',    'r',  ''],
  staff:                  ['',    'r',  'rcuavx', 'rcuavx', 'r',      'r',    '',   ''],
  events:                 ['',    'r',  'rcAVBDPQWCRSOM', 'rcAVHEBTPQYWCRSOM', 'rcAVHEBTPQYWCRM', 'rcAHETYWC', 'rNFKT', ''],
  notifications:          ['ru',  'ru', 'ru',     'ru',     'ru',     'ru',   'ru', 'ru'],
  supervision_orders:     ['',    'r',  'rcGCB',  'rcGCB',  'rG',     'rG',   'rG', ''],
  routing_rules:          ['',    '',   'rcua',   'r',      '',       '',     '',   ''],
};

/** The personal fields each registry resource holds (what "reveal" may open). */
export const EXPECTED_PERSONAL_FIELDS: Partial<Record<RegistryResource, readonly PersonalField[]>> = {
  residents: ['idNumber', 'phone'],
  'health-records': ['conditions'],
  staff: ['phone'],
};

/** Each department reads its remit district-wide and reveals only these fields within it. */
// biome-ignore format: a table is read by its columns
export const EXPECTED_REMIT: Record<string, { read: readonly RegistryResource[]; reveal: readonly PersonalField[] }> = {
  transport:               { read: ['addresses', 'enterprises'], reveal: [] },
  construction:            { read: ['addresses', 'houses', 'enterprises'], reveal: [] },
  agriculture_landscaping: { read: ['addresses', 'service-facilities'], reveal: [] },
  traffic_police:          { read: ['addresses', 'enterprises'], reveal: [] },
  industry_commerce:       { read: ['addresses', 'enterprises', 'social-organisations'], reveal: [] },
  health:                  { read: ['addresses', 'residents', 'health-records', 'service-facilities'], reveal: ['phone', 'conditions'] },
  family_planning:         { read: ['addresses', 'houses', 'residents', 'health-records'], reveal: ['phone'] },
  rental_housing:          { read: ['addresses', 'houses', 'residents'], reveal: ['phone'] },
  public_security:         { read: ['addresses', 'houses', 'residents', 'enterprises', 'staff'], reveal: ['idNumber', 'phone'] },
  education:               { read: ['addresses', 'service-facilities', 'residents'], reveal: [] },
  safety_supervision:      { read: ['addresses', 'enterprises'], reveal: [] },
  urban_management:        { read: ['addresses', 'houses', 'enterprises'], reveal: [] },
  civil_affairs:           { read: ['addresses', 'residents', 'social-organisations', 'service-facilities'], reveal: ['phone'] },
  human_resources:         { read: ['addresses', 'enterprises'], reveal: [] },
  ecology_environment:     { read: ['addresses', 'enterprises'], reveal: [] },
};

const LETTER: Record<Action, string> = {
  read: 'r',
  create: 'c',
  update: 'u',
  archive: 'a',
  reveal: 'v',
  export: 'x',
  accept: 'A',
  void: 'V',
  handle: 'H',
  escalate: 'E',
  send_back: 'B',
  dispatch: 'D',
  refuse: 'N',
  feedback: 'F',
  complete: 'K',
  ask_extension: 'T',
  approve_extension: 'P',
  refuse_extension: 'Q',
  verify: 'Y',
  rework: 'W',
  close: 'C',
  rate: 'R',
  shelve: 'S',
  restore: 'O',
  merge: 'M',
  answer: 'G',
};
export const ALL_ACTIONS = Object.keys(LETTER) as Action[];

const fieldsOf = (resource: Resource) => EXPECTED_PERSONAL_FIELDS[resource as RegistryResource] ?? [];
const remitOf = (subject: Subject) =>
  subject.role === 'department_staff' && subject.departmentCode
    ? EXPECTED_REMIT[subject.departmentCode]
    : null;

/** The personal fields of `resource` the subject may reveal, by the table. */
export function expectedRevealable(subject: Subject, resource: Resource): PersonalField[] {
  const remit = remitOf(subject);
  if (remit) {
    return remit.read.includes(resource as RegistryResource)
      ? fieldsOf(resource).filter((f) => remit.reveal.includes(f))
      : [];
  }
  return expectedCan(subject, 'reveal', resource) ? [...fieldsOf(resource)] : [];
}

/** May the subject do the action on the resource (before data scope), by the table? */
export function expectedCan(subject: Subject, action: Action, resource: Resource): boolean {
  const remit = remitOf(subject);
  if (remit?.read.includes(resource as RegistryResource)) {
    if (action === 'read') return true;
    if (action === 'reveal') return expectedRevealable(subject, resource).length > 0;
  }
  const letters = EXPECTED_POLICY[resource][ROLE_COLUMNS.indexOf(subject.role)] ?? '';
  return letters.includes(LETTER[action]);
}
