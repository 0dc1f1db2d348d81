import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost, setCsrfToken } from '../../../lib/api-client';
import { meKey } from './get-me';

export interface LoginInput {
  username: string;
  password: string;
  /** The authenticator app's 6-digit code, once the server answered `totp_required`. */
  totp?: string;
}

export interface SessionGranted {
  csrfToken: string;
  expiresAt: string;
  totpEnrollmentRequired: boolean;
}

export async function login(input: LoginInput) {
  const session = await apiPost<SessionGranted>('/auth/login', {
    ...input,
    tokenType: 'cookie',
  });
  setCsrfToken(session.csrfToken);
  return session;
}

/** Sign in with a cookie session, then load who we are (which lets the app in). */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      await queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}
