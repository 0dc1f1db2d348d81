import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import type { RegistrySummary } from '../types';

export function getRegistrySummary(area: string, signal?: AbortSignal) {
  return apiGet<RegistrySummary>('/registry/summary', { area }, signal);
}

export function useRegistrySummary(area: string | null) {
  return useQuery({
    queryKey: ['registry', 'summary', area],
    queryFn: ({ signal }) => getRegistrySummary(area!, signal),
    enabled: area !== null,
    placeholderData: keepPreviousData,
  });
}
