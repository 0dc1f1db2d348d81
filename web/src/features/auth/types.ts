import type { GetResponse } from '../../api/types';

/**
 * `GET /auth/me`: who is signed in, where they may look, what they may do; `totpEnrollmentRequired` when
 * signed in with a password only (two-factor sign-in must be set up before anything else answers).
 */
export type Me = GetResponse<'/api/v1/auth/me'>;
