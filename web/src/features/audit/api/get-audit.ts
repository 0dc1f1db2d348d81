import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, type QueryValue } from '../../../lib/api-client';
import type { AuditFilters, AuditPage } from '../types';

export const AUDIT_PAGE_SIZE = 20;

/** Start of a local date (YYYY-MM-DD), plus `days`, as an ISO instant. */
export function localMidnight(date: string, days = 0): string | undefined {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return undefined;
  return new Date(y, m - 1, d + days).toISOString();
}

/** URL filters → query parameters: an all-digit actor is an account id, dates become a half-open range. */
export function auditParams(filters: AuditFilters, cursor: string | null): Record<string, QueryValue> {
  const actor = filters.actor?.trim();
  return {
    actorId: actor && /^\d+$/.test(actor) ? actor : undefined,
    actor: actor && !/^\d+$/.test(actor) ? actor : undefined,
    action: filters.action,
    objectType: filters.objectType,
    objectId: filters.objectId?.trim(),
    from: filters.from ? localMidnight(filters.from) : undefined,
    to: filters.to ? localMidnight(filters.to, 1) : undefined,
    cursor,
    limit: AUDIT_PAGE_SIZE,
  };
}

export function getAuditLog(params: Record<string, QueryValue>, signal?: AbortSignal) {
  return apiGet<AuditPage>('/audit', params, signal);
}

/** One page of the audit trail, newest first. */
export function useAuditLog(params: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['audit', 'list', params],
    queryFn: ({ signal }) => getAuditLog(params, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
