import { apiGet, type QueryValue } from '../../../lib/api-client';
import type { PersonalReadsPage, ReadsFilters } from '../types';
import { pageParams, useAuditPage } from './paged-query';

/** URL filters → query parameters of `GET /audit/reads`; dates become a half-open range of instants. */
export function readsParams(filters: ReadsFilters, cursor: string | null): Record<string, QueryValue> {
  return {
    accountId: filters.accountId,
    entity: filters.entity,
    recordId: filters.recordId,
    kind: filters.kind,
    ...pageParams(filters, cursor),
  };
}

/** One page of the personal-data reads, newest first. */
export function usePersonalReads(params: Record<string, QueryValue>) {
  return useAuditPage(['audit', 'reads', params], (signal) =>
    apiGet<PersonalReadsPage>('/audit/reads', params, signal),
  );
}
