import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost, setCsrfToken } from '../../../lib/api-client';

export function logout() {
  return apiPost<void>('/auth/logout');
}

/** End the session, forget every cached answer (the next account may see less) and start afresh. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      window.location.assign('/');
    },
  });
}
