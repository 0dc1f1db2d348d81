import type { Role } from '../../../core/policy/roles';
import type { Scope } from '../areas';

/** Who is acting, resolved from the session on every request. */
export interface Actor {
  accountId: number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: number | null;
  departmentCode: string | null;
  departmentName: string | null;
  areaIds: number[];
  scope: Scope;
  sessionId: number;
  sessionKind: 'cookie' | 'bearer';
  csrfToken: string;
  /** Signed in with a password only while two-factor enrolment is required: only enrolment routes answer. */
  enrolmentOnly: boolean;
  /** The password was set by an administrator (new account, reset): only changing it answers. */
  passwordChangeRequired: boolean;
}

/** The actor as written into history and audit rows. */
export const actorLabel = (actor: Actor | null) =>
  actor ? `account:${actor.accountId}:${actor.username}` : 'anonymous';
