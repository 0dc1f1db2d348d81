import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchRegistryPage, type ListParams, registryKeys } from '../../../lib/registry-api';
import type { Enterprise } from '../types';

export function getEnterprises(params: ListParams, signal?: AbortSignal) {
  return fetchRegistryPage<Enterprise>('enterprises', params, signal);
}

/** One page of enterprises; disabled until the area context is known (params null). */
export function useEnterprises(params: ListParams | null) {
  return useQuery({
    queryKey: registryKeys.list('enterprises', params ?? { area: '' }),
    queryFn: ({ signal }) => getEnterprises(params!, signal),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}
