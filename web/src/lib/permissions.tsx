import { createContext, type ReactNode, useContext } from 'react';
import type { Action, PersonalField, Resource } from '../api/types';

/** What the signed-in account may do (from /auth/me); the server checks it again on every request. */
export interface Permissions {
  /** Resource → allowed actions (read create update archive reveal export). */
  capabilities: Partial<Record<string, readonly string[]>>;
  /** Resource → the personal fields the account may reveal. */
  revealable: Partial<Record<string, readonly string[]>>;
}

const NOTHING: Permissions = { capabilities: {}, revealable: {} };
const PermissionsContext = createContext<Permissions>(NOTHING);

export function PermissionsProvider({ value, children }: { value: Permissions; children: ReactNode }) {
  return <PermissionsContext.Provider value={value}>{children}</PermissionsContext.Provider>;
}

export function usePermissions(): Permissions {
  return useContext(PermissionsContext);
}

export const allows = (p: Permissions, resource: Resource, action: Action): boolean =>
  p.capabilities[resource]?.includes(action) ?? false;

/** May the account do `action` on `resource`? Hide what it may not, rather than let the API refuse. */
export function useCan(resource: Resource, action: Action = 'read'): boolean {
  return allows(usePermissions(), resource, action);
}

/** May the account reveal this personal field of this resource? */
export function useCanReveal(resource: Resource, field: PersonalField): boolean {
  return usePermissions().revealable[resource]?.includes(field) ?? false;
}
