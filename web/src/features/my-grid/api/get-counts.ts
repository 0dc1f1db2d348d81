import { useQuery } from '@tanstack/react-query';
import type { GetResponse } from '../../../api/types';
import { apiGet } from '../../../lib/api-client';

export type RegistrySummary = GetResponse<'/api/v1/registry/summary'>;

/** The area's registry counts (the same answer, and cache entry, as the overview's summary). */
export function useAreaCounts(area: string) {
  return useQuery({
    queryKey: ['registry', 'summary', area],
    queryFn: ({ signal }) => apiGet<RegistrySummary>('/registry/summary', { area }, signal),
  });
}

/** A residents list's `total` (exact, or "more than" when `atLeast`); absent on servers without list totals. */
interface ListTotal {
  total?: { count: number; atLeast: boolean };
}

export type FocusKind = 'elderly_alone' | 'key_care' | 'permit_expiring';

/** Within this many days a residence permit counts as expiring (the already expired included). */
export const PERMIT_NOTICE_DAYS = 30;

export function focusFilter(kind: FocusKind, today = new Date()): Record<string, string> {
  if (kind !== 'permit_expiring') return { tag: kind };
  const until = new Date(today.getTime() + PERMIT_NOTICE_DAYS * 86_400_000);
  return { permitExpiryBefore: until.toISOString().slice(0, 10) };
}

/** How many of the area's residents a focus filter selects; null when the list cannot say. */
export function useFocusCount(area: string, kind: FocusKind) {
  return useQuery({
    queryKey: ['my-grid', 'focus', area, kind],
    queryFn: async ({ signal }) => {
      const page = await apiGet<ListTotal>(
        '/registry/residents',
        { area, limit: 1, ...focusFilter(kind) },
        signal,
      );
      return page.total ?? null;
    },
    staleTime: 5 * 60_000,
  });
}
