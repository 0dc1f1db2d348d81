import type { MessageKey } from '../../i18n';
import { allows, type Permissions } from '../../lib/permissions';

export interface NavEntry {
  path: string;
  label: MessageKey;
  icon: string;
  /** What the account must be allowed to do (capabilities from /auth/me) to see the entry. */
  resource: string;
  /** The action on `resource` the entry needs; read when absent. */
  action?: string;
  /** Links keep the selected area (`?area=`); the audit log has no area. */
  inArea: boolean;
}

export const NAV: NavEntry[] = [
  { path: '/', label: 'nav.overview', icon: '◎', resource: 'areas', inArea: true },
  { path: '/addresses', label: 'nav.addresses', icon: '⌂', resource: 'addresses', inArea: true },
  { path: '/houses', label: 'nav.houses', icon: '▦', resource: 'houses', inArea: true },
  { path: '/residents', label: 'nav.residents', icon: '☺', resource: 'residents', inArea: true },
  { path: '/enterprises', label: 'nav.enterprises', icon: '▣', resource: 'enterprises', inArea: true },
  {
    path: '/identity-conflicts',
    label: 'nav.identityConflicts',
    icon: '⇄',
    resource: 'residents',
    action: 'archive',
    inArea: false,
  },
  { path: '/audit', label: 'nav.audit', icon: '☷', resource: 'audit', inArea: false },
];

export const allowedNav = (permissions: Permissions) =>
  NAV.filter((n) => allows(permissions, n.resource, n.action ?? 'read'));
