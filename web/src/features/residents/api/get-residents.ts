import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchRegistryPage, type ListParams, registryKeys } from '../../../lib/registry-api';
import type { Resident } from '../types';

export function getResidents(params: ListParams, signal?: AbortSignal) {
  return fetchRegistryPage<Resident>('residents', params, signal);
}

/** One page of residents; disabled until the area context is known (params null). */
export function useResidents(params: ListParams | null) {
  return useQuery({
    queryKey: registryKeys.list('residents', params ?? { area: '' }),
    queryFn: ({ signal }) => getResidents(params!, signal),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}
