import { ROLE_LABELS, type Role } from '../../../core/policy/roles';
import type { AreaDirectory } from '../areas';

export interface AccountRow extends Record<string, unknown> {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  area_ids: number[];
  department_id: number | null;
  department_code: string | null;
  department_name: string | null;
  created_at: Date | string;
  last_login_at: Date | string | null;
  disabled_at: Date | string | null;
  totp_enrolled: boolean;
  password_must_change: boolean;
}

/** The columns every account read selects (alias a, departments d joined). */
export const ACCOUNT_COLUMNS = `a.id, a.username, a.display_name, a.role, a.area_ids, a.department_id,
  d.code AS department_code, d.name AS department_name, a.created_at, a.last_login_at, a.disabled_at,
  a.totp_enrolled_at IS NOT NULL AS totp_enrolled, a.password_must_change`;
export const ACCOUNT_FROM = 'accounts a LEFT JOIN departments d ON d.id = a.department_id';

const iso = (v: Date | string | null) => (v == null ? null : new Date(v).toISOString());

export function presentAccount(row: AccountRow, areas: AreaDirectory, selfId: number) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    roleLabel: ROLE_LABELS[row.role],
    areas: row.area_ids
      .map((id) => areas.byIdOrNull(id))
      .filter((a) => a !== null)
      .map((a) => ({ id: a.id, code: a.code, name: a.name, level: a.level })),
    department:
      row.department_id && row.department_code
        ? { id: row.department_id, code: row.department_code, name: row.department_name ?? '' }
        : null,
    createdAt: iso(row.created_at)!,
    lastLoginAt: iso(row.last_login_at),
    disabledAt: iso(row.disabled_at),
    totpEnrolled: row.totp_enrolled,
    passwordMustChange: row.password_must_change,
    self: row.id === selfId,
  };
}
export type AccountView = ReturnType<typeof presentAccount>;
