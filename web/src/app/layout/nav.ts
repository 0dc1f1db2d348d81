import type { Action, Resource } from '../../api/types';
import { REGISTRY_SCREENS } from '../../features/registry';
import type { MessageKey } from '../../i18n';
import { allows, type Permissions } from '../../lib/permissions';

export interface NavEntry {
  path: string;
  label: MessageKey;
  icon: string;
  /** What the account must be allowed to do (capabilities from /auth/me) to see the entry. */
  resource: Resource;
  /** The action on `resource` the entry needs; read when absent. */
  action?: Action;
  /** Links keep the selected area (`?area=`); the audit log has no area. */
  inArea: boolean;
}

export const NAV: NavEntry[] = [
  { path: '/', label: 'nav.overview', icon: '◎', resource: 'areas', inArea: true },
  { path: '/events/queue', label: 'nav.eventQueue', icon: '☑', resource: 'events', inArea: false },
  {
    path: '/events/new',
    label: 'nav.eventReport',
    icon: '✚',
    resource: 'events',
    action: 'create',
    inArea: true,
  },
  { path: '/events', label: 'nav.eventList', icon: '⚑', resource: 'events', inArea: true },
  { path: '/routing-rules', label: 'nav.routingRules', icon: '⇶', resource: 'routing_rules', inArea: false },
  {
    path: '/supervision',
    label: 'nav.supervision',
    icon: '⚠',
    resource: 'supervision_orders',
    inArea: false,
  },
  ...REGISTRY_SCREENS.map(({ resource, icon }) => ({
    path: `/${resource}`,
    label: `list.${resource}` as const,
    icon,
    resource,
    inArea: true,
  })),
  {
    path: '/identity-conflicts',
    label: 'nav.identityConflicts',
    icon: '⇄',
    resource: 'residents',
    action: 'archive',
    inArea: false,
  },
  { path: '/audit', label: 'nav.audit', icon: '☷', resource: 'audit', inArea: false },
  { path: '/accounts', label: 'nav.accounts', icon: '☺', resource: 'accounts', inArea: false },
];

export const allowedNav = (permissions: Permissions) =>
  NAV.filter((n) => allows(permissions, n.resource, n.action ?? 'read'));
