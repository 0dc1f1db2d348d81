import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost, isUnauthenticated } from '../../../lib/api-client';
import type { ConflictResolution, KeepSide } from '../types';
import { CONFLICTS_KEY } from './get-identity-conflicts';

export function resolveIdentityConflict(id: number, keep: KeepSide) {
  return apiPost<ConflictResolution>(`/registry/identity-conflicts/${id}/resolve`, { keep });
}

/**
 * Keeps one record of a conflict; the server archives the other in the same transaction. Afterwards the
 * open list and every cached registry list are stale (a resident was moved out, counts changed).
 */
export function useResolveIdentityConflict(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keep: KeepSide) => resolveIdentityConflict(id, keep),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['registry'] });
      await queryClient.invalidateQueries({ queryKey: CONFLICTS_KEY });
    },
    onError: (error) => {
      if (isUnauthenticated(error)) void queryClient.invalidateQueries({ queryKey: ['auth', 'me'] });
    },
  });
}
