import { useQuery } from '@tanstack/react-query';
import { ApiError, apiGet, setCsrfToken } from '../../../lib/api-client';
import type { Me } from '../types';

export const meKey = ['auth', 'me'] as const;

/** A session limited to two-factor enrolment is, for the app, not signed in yet (see LoginRoute). */
export const ENROLMENT_REQUIRED = 'totp_enrollment_required';
/** Likewise an account whose password an administrator set: it changes it on the sign-in screen first. */
export const PASSWORD_CHANGE_REQUIRED = 'password_change_required';

export async function getMe(signal?: AbortSignal): Promise<Me> {
  const me = await apiGet<Me>('/auth/me', undefined, signal);
  setCsrfToken(me.csrfToken);
  if (me.totpEnrollmentRequired) throw new ApiError(401, ENROLMENT_REQUIRED, 'two-factor set-up required');
  if (me.passwordChangeRequired) throw new PasswordChangeRequired(me.username);
  return me;
}

/** The refusal the sign-in screen turns into the forced password change (the rule needs the username). */
export class PasswordChangeRequired extends ApiError {
  constructor(readonly username: string) {
    super(401, PASSWORD_CHANGE_REQUIRED, 'password change required');
  }
}

/**
 * Whether the last look-up found a session limited to two-factor enrolment. Reads the cached answer
 * without fetching: a second fetching observer mounting on the sign-in screen would refetch, reset the
 * query to pending and unmount that very screen, over and over.
 */
export function useEnrolmentRequired(): boolean {
  return useMeRefusal() === ENROLMENT_REQUIRED;
}

/** Whether the last look-up found an account that must change its password first (read like the above). */
export function usePasswordChangeRequired(): PasswordChangeRequired | null {
  const me = useMeQuery();
  return me.error instanceof PasswordChangeRequired ? me.error : null;
}

const useMeQuery = () =>
  useQuery({ queryKey: meKey, queryFn: ({ signal }) => getMe(signal), enabled: false });

function useMeRefusal(): string | null {
  const me = useMeQuery();
  return me.error instanceof ApiError ? me.error.code : null;
}

/** The signed-in account; a 401 here means "show the sign-in screen". */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => getMe(signal),
    retry: false,
    staleTime: 5 * 60_000,
  });
}
