import {
  EVENT_ACTIONS,
  EVENT_READER_ROLES,
  EVENT_REPORTER_ROLES,
  type EventAction,
  roleMayTake,
} from '../events/workflow';
import type { Role } from './roles';

/** Registry resources, named as their API paths. */
export const REGISTRY_RESOURCES = [
  'addresses',
  'houses',
  'residents',
  'health-records',
  'enterprises',
  'social-organisations',
  'party-organisations',
  'party-members',
  'party-studios',
  'service-facilities',
  'departments',
  'staff',
] as const;
export type RegistryResource = (typeof REGISTRY_RESOURCES)[number];
export type Resource =
  | RegistryResource
  | 'areas'
  | 'summary'
  | 'audit'
  | 'accounts'
  | 'events'
  | 'notifications'
  | 'supervision_orders'
  | 'routing_rules';
/** Record actions, and for grid events (`create` = report) each action of the loop in core/events/workflow.ts. */
export type Action = 'read' | 'create' | 'update' | 'archive' | 'reveal' | 'export' | EventAction | 'answer';
export type PersonalField = 'idNumber' | 'phone' | 'conditions';

const ALL_REGISTRY = [...REGISTRY_RESOURCES];
/** A role's grid-event actions, from the loop's table of who may ever take each. */
const eventsFor = (role: Role): Action[] => [
  ...(EVENT_READER_ROLES.includes(role) ? (['read'] as const) : []),
  ...(EVENT_REPORTER_ROLES.includes(role) ? (['create'] as const) : []),
  ...EVENT_ACTIONS.filter((a) => roleMayTake(role, a)),
];
const withEvents = (role: Role, grants: Partial<Record<Resource, readonly Action[]>>) => {
  const events = eventsFor(role);
  return events.length ? { ...grants, events } : grants;
};
const read = (resources: readonly Resource[]) => Object.fromEntries(resources.map((r) => [r, ['read']]));
const full = (resources: readonly Resource[], actions: Action[]) =>
  Object.fromEntries(resources.map((r) => [r, actions]));

/**
 * THE policy: which role may do which action on which resource. Nothing else in the code base decides
 * this; the server checks it on every route and the web app reads it to show only allowed actions.
 * Where a role may act, data scope (its area, or its department's remit) still limits the rows.
 */
const GRANTS: Record<Role, Partial<Record<Resource, readonly Action[]>>> = {
  admin: { ...read(['areas', 'summary']), accounts: ['read', 'create', 'update', 'export'] },
  district_leader: {
    ...read(['areas', 'summary', ...ALL_REGISTRY]),
    ...full(['residents', 'enterprises'], ['read', 'export']),
  },
  district_centre: {
    ...read(['areas', 'summary']),
    ...full(ALL_REGISTRY, ['read', 'create', 'update', 'archive', 'export']),
    ...full(
      ['residents', 'health-records', 'staff'],
      ['read', 'create', 'update', 'archive', 'reveal', 'export'],
    ),
  },
  street_staff: {
    ...read(['areas', 'summary', 'departments']),
    ...full(
      ALL_REGISTRY.filter((r) => r !== 'departments'),
      ['read', 'create', 'update', 'archive', 'export'],
    ),
    ...full(
      ['residents', 'health-records', 'staff'],
      ['read', 'create', 'update', 'archive', 'reveal', 'export'],
    ),
  },
  community_staff: {
    ...read(['areas', 'summary', 'departments']),
    ...full(
      ALL_REGISTRY.filter((r) => r !== 'departments' && r !== 'staff'),
      ['read', 'create', 'update', 'archive'],
    ),
    ...full(['residents', 'health-records'], ['read', 'create', 'update', 'archive', 'reveal']),
    staff: ['read'],
  },
  grid_worker: {
    ...read([
      'areas',
      'summary',
      'departments',
      'staff',
      'party-organisations',
      'party-members',
      'party-studios',
    ]),
    ...full(
      ['addresses', 'houses', 'enterprises', 'social-organisations', 'service-facilities'],
      ['read', 'create', 'update'],
    ),
    ...full(['residents', 'health-records'], ['read', 'create', 'update', 'reveal']),
  },
  department_staff: { ...read(['areas', 'summary', 'departments']) },
  auditor: { audit: ['read'] },
};

/** Routing rules (分流规则): the district centre edits them, the district and street centres read them. */
const ROUTING: Partial<Record<Role, readonly Action[]>> = {
  district_centre: ['read', 'create', 'update', 'archive'],
  street_staff: ['read'],
};

const OWN_MESSAGES: Partial<Record<Resource, readonly Action[]>> = { notifications: ['read', 'update'] };

/**
 * Supervision orders (督办, core/supervision/workflow.ts): the district and street centres issue them by hand
 * and accept or send back answers; every unit that can be responsible for a step answers; leaders read.
 */
const SUPERVISION: Partial<Record<Role, readonly Action[]>> = {
  district_leader: ['read'],
  district_centre: ['read', 'create', 'answer', 'close', 'send_back'],
  street_staff: ['read', 'create', 'answer', 'close', 'send_back'],
  community_staff: ['read', 'answer'],
  grid_worker: ['read', 'answer'],
  department_staff: ['read', 'answer'],
};

/**
 * THE policy (above) with each role's grid-event actions added from the loop's table, and every account's
 * own messages (the message centre: read them, mark them read).
 */
export const POLICY = Object.fromEntries(
  Object.entries(GRANTS).map(([role, grants]) => [
    role,
    {
      ...withEvents(role as Role, grants),
      ...OWN_MESSAGES,
      ...(SUPERVISION[role as Role] ? { supervision_orders: SUPERVISION[role as Role] } : {}),
      ...(ROUTING[role as Role] ? { routing_rules: ROUTING[role as Role] } : {}),
    },
  ]),
) as Record<Role, Partial<Record<Resource, readonly Action[]>>>;

/**
 * What each department may look up itself ("从开口问转变为上网找"): registry resources, and the personal
 * fields it may reveal. Department staff see these district-wide, read-only.
 */
export const DEPARTMENT_REMIT: Record<string, { resources: RegistryResource[]; reveal: PersonalField[] }> = {
  transport: { resources: ['addresses', 'enterprises'], reveal: [] },
  construction: { resources: ['addresses', 'houses', 'enterprises'], reveal: [] },
  agriculture_landscaping: { resources: ['addresses', 'service-facilities'], reveal: [] },
  traffic_police: { resources: ['addresses', 'enterprises'], reveal: [] },
  industry_commerce: { resources: ['addresses', 'enterprises', 'social-organisations'], reveal: [] },
  health: {
    resources: ['addresses', 'residents', 'health-records', 'service-facilities'],
    reveal: ['phone', 'conditions'],
  },
  family_planning: { resources: ['addresses', 'houses', 'residents', 'health-records'], reveal: ['phone'] },
  rental_housing: { resources: ['addresses', 'houses', 'residents'], reveal: ['phone'] },
  public_security: {
    resources: ['addresses', 'houses', 'residents', 'enterprises', 'staff'],
    reveal: ['idNumber', 'phone'],
  },
  education: { resources: ['addresses', 'service-facilities', 'residents'], reveal: [] },
  safety_supervision: { resources: ['addresses', 'enterprises'], reveal: [] },
  urban_management: { resources: ['addresses', 'houses', 'enterprises'], reveal: [] },
  civil_affairs: {
    resources: ['addresses', 'residents', 'social-organisations', 'service-facilities'],
    reveal: ['phone'],
  },
  human_resources: { resources: ['addresses', 'enterprises'], reveal: [] },
  ecology_environment: { resources: ['addresses', 'enterprises'], reveal: [] },
};

/** Which personal fields each registry resource holds. */
export const PERSONAL_FIELDS: Partial<Record<RegistryResource, PersonalField[]>> = {
  residents: ['idNumber', 'phone'],
  'health-records': ['conditions'],
  staff: ['phone'],
};

export interface Subject {
  role: Role;
  departmentCode: string | null;
}

/** May this subject do this action on this resource (before data scope)? */
export function can(subject: Subject, action: Action, resource: Resource): boolean {
  if (subject.role === 'department_staff' && subject.departmentCode) {
    const remit = DEPARTMENT_REMIT[subject.departmentCode];
    if (remit?.resources.includes(resource as RegistryResource)) {
      if (action === 'read') return true;
      if (action === 'reveal')
        return (PERSONAL_FIELDS[resource as RegistryResource] ?? []).some((f) => remit.reveal.includes(f));
    }
  }
  return POLICY[subject.role][resource]?.includes(action) ?? false;
}

/** May this subject reveal this personal field of this resource? */
export function canReveal(subject: Subject, resource: RegistryResource, field: PersonalField): boolean {
  if (!(PERSONAL_FIELDS[resource] ?? []).includes(field)) return false;
  if (subject.role === 'department_staff') {
    const remit = subject.departmentCode ? DEPARTMENT_REMIT[subject.departmentCode] : undefined;
    return !!remit && remit.resources.includes(resource) && remit.reveal.includes(field);
  }
  return can(subject, 'reveal', resource);
}

/** Every (resource, action) this subject may do: what /auth/me returns and the web app reads. */
export function capabilitiesOf(subject: Subject): Record<string, Action[]> {
  const resources: Resource[] = [
    ...REGISTRY_RESOURCES,
    'areas',
    'summary',
    'audit',
    'accounts',
    'events',
    'notifications',
    'supervision_orders',
    'routing_rules',
  ];
  const actions: Action[] = [
    'read',
    'create',
    'update',
    'archive',
    'reveal',
    'export',
    ...EVENT_ACTIONS,
    'answer',
  ];
  const out: Record<string, Action[]> = {};
  for (const r of resources) {
    const allowed = actions.filter((a) => can(subject, a, r));
    if (allowed.length) out[r] = allowed;
  }
  return out;
}
