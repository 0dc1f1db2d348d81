import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { QueryValue } from '../../../lib/api-client';

const AUDIT_PAGE_SIZE = 20;

/** Start of a local date (YYYY-MM-DD), plus `days`, as an ISO instant. */
export function localMidnight(date: string, days = 0): string | undefined {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return undefined;
  return new Date(y, m - 1, d + days).toISOString();
}

/** What every audit page asks for besides its own filters: the days as a half-open range of instants, the cursor. */
export function pageParams(
  days: { from?: string; to?: string },
  cursor: string | null,
): Record<string, QueryValue> {
  return {
    from: days.from ? localMidnight(days.from) : undefined,
    to: days.to ? localMidnight(days.to, 1) : undefined,
    cursor,
    limit: AUDIT_PAGE_SIZE,
  };
}

/** One page of an audit list, newest first; the previous page stays shown while the next loads. */
export function useAuditPage<T>(
  queryKey: readonly unknown[],
  fetchPage: (signal: AbortSignal) => Promise<T>,
) {
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => fetchPage(signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
