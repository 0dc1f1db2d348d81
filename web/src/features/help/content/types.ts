/** The roles the guide speaks to (the same names as the account's `role` from /auth/me). */
export const HELP_ROLES = [
  'grid_worker',
  'community_staff',
  'street_staff',
  'district_centre',
  'department_staff',
  'district_leader',
  'auditor',
  'admin',
] as const;
export type HelpRole = (typeof HELP_ROLES)[number];

export interface RoleGuide {
  title: string;
  /** What the role does in this app, one sentence. */
  does: string;
  /** A day's work, step by step. */
  steps: string[];
}

export interface HelpContent {
  roles: Record<HelpRole, RoleGuide>;
  /** Why personal data is masked, and how to see it when the work needs it. */
  masking: string[];
  /** A hint for the screen the help was opened from, by the first part of its path ('' = overview). */
  screens: Record<string, string>;
  /** For every list screen not named in `screens`. */
  anyList: string;
}
