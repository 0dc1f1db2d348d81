import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, type QueryValue } from '../../../lib/api-client';
import type { PersonalReadsPage, ReadsFilters } from '../types';
import { AUDIT_PAGE_SIZE, localMidnight } from './get-audit';

/** URL filters → query parameters of `GET /audit/reads`; dates become a half-open range of instants. */
export function readsParams(filters: ReadsFilters, cursor: string | null): Record<string, QueryValue> {
  return {
    accountId: filters.accountId,
    entity: filters.entity,
    recordId: filters.recordId,
    kind: filters.kind,
    from: filters.from ? localMidnight(filters.from) : undefined,
    to: filters.to ? localMidnight(filters.to, 1) : undefined,
    cursor,
    limit: AUDIT_PAGE_SIZE,
  };
}

export function getPersonalReads(params: Record<string, QueryValue>, signal?: AbortSignal) {
  return apiGet<PersonalReadsPage>('/audit/reads', params, signal);
}

/** One page of the personal-data reads, newest first. */
export function usePersonalReads(params: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['audit', 'reads', params],
    queryFn: ({ signal }) => getPersonalReads(params, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
