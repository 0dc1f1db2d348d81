import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchRegistryPage, type ListParams, registryKeys } from '../../../lib/registry-api';
import type { House } from '../types';

export function getHouses(params: ListParams, signal?: AbortSignal) {
  return fetchRegistryPage<House>('houses', params, signal);
}

/** One page of houses; disabled until the area context is known (params null). */
export function useHouses(params: ListParams | null) {
  return useQuery({
    queryKey: registryKeys.list('houses', params ?? { area: '' }),
    queryFn: ({ signal }) => getHouses(params!, signal),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}
