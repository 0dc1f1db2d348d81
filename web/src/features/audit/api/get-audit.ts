import { apiGet, type QueryValue } from '../../../lib/api-client';
import type { AuditFilters, AuditPage } from '../types';
import { pageParams, useAuditPage } from './paged-query';

/** URL filters → query parameters: an all-digit actor is an account id, dates become a half-open range. */
export function auditParams(filters: AuditFilters, cursor: string | null): Record<string, QueryValue> {
  const actor = filters.actor?.trim();
  return {
    actorId: actor && /^\d+$/.test(actor) ? actor : undefined,
    actor: actor && !/^\d+$/.test(actor) ? actor : undefined,
    action: filters.action,
    objectType: filters.objectType,
    objectId: filters.objectId?.trim(),
    ...pageParams(filters, cursor),
  };
}

/** One page of the audit trail, newest first. */
export function useAuditLog(params: Record<string, QueryValue>) {
  return useAuditPage(['audit', 'list', params], (signal) => apiGet<AuditPage>('/audit', params, signal));
}
