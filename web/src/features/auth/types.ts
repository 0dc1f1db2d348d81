import type { AreaLevel } from '../../lib/types';

/** `GET /auth/me`: who is signed in, where they may look, what they may do. */
export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: string;
  roleLabel: { zh: string; en: string };
  department: { id: number; code: string; name: string } | null;
  areas: { id: number; code: string; name: string; level: AreaLevel }[];
  capabilities: Record<string, string[]>;
  revealable: Record<string, string[]>;
  csrfToken: string;
  /** Signed in with a password only: two-factor sign-in must be set up before anything else answers. */
  totpEnrollmentRequired: boolean;
}
