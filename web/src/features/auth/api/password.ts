import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost, setCsrfToken } from '../../../lib/api-client';
import { meKey } from './get-me';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/** Changes the password; the server ends the account's other sessions (and fulfils a forced change). */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PasswordChange) => apiPost<void>('/auth/password', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}

/** Ends every session of the account, this one included, and starts afresh on the sign-in screen. */
export function useSignOutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<void>('/auth/sessions/end-all'),
    onSuccess: () => {
      setCsrfToken(null);
      queryClient.clear();
      window.location.assign('/');
    },
  });
}

/** The server's password rule, checked here too so that a person sees the problem before sending. */
export function meetsPasswordRule(password: string, username: string): boolean {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  return password.length >= 10 && classes >= 3 && !password.toLowerCase().includes(username.toLowerCase());
}
