import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import type { IdentityConflict } from '../types';

export const CONFLICTS_KEY = ['identity-conflicts', 'open'] as const;

export function getIdentityConflicts(signal?: AbortSignal) {
  return apiGet<{ items: IdentityConflict[] }>('/registry/identity-conflicts', undefined, signal);
}

/** Open conflicts whose two records both lie in the caller's area (oldest first). */
export function useIdentityConflicts() {
  return useQuery({
    queryKey: CONFLICTS_KEY,
    queryFn: ({ signal }) => getIdentityConflicts(signal),
    staleTime: 0,
  });
}
