import { useQuery } from '@tanstack/react-query';
import { apiGet, setCsrfToken } from '../../../lib/api-client';
import type { Me } from '../types';

export const meKey = ['auth', 'me'] as const;

export async function getMe(signal?: AbortSignal): Promise<Me> {
  const me = await apiGet<Me>('/auth/me', undefined, signal);
  setCsrfToken(me.csrfToken);
  return me;
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
