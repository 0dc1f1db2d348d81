import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost, setCsrfToken } from '../../../lib/api-client';
import { meKey } from './get-me';
import type { SessionGranted } from './login';

export interface TotpSetup {
  secret: string;
  uri: string;
  digits: number;
  period: number;
}

/** A fresh secret for the authenticator app (each call replaces the pending one). */
export function useTotpSetup() {
  return useMutation({ mutationFn: () => apiPost<TotpSetup>('/auth/totp/setup') });
}

/** Confirms the set-up with a current code; the server replaces the session with a full one. */
export function useTotpConfirm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) => {
      const session = await apiPost<SessionGranted>('/auth/totp/confirm', { code });
      setCsrfToken(session.csrfToken);
      return session;
    },
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      await queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}
