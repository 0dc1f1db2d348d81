import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import type { AuditVerification } from '../types';

export function verifyAuditChain(signal?: AbortSignal) {
  return apiGet<AuditVerification>('/audit/verify', undefined, signal);
}

/** Recomputes the whole chain on the server: only when asked (`refetch`), never on its own. */
export function useAuditVerification() {
  return useQuery({
    queryKey: ['audit', 'verify'],
    queryFn: ({ signal }) => verifyAuditChain(signal),
    enabled: false,
    gcTime: 0,
  });
}
