import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchRegistryPage, type ListParams, registryKeys } from '../../../lib/registry-api';
import type { Address } from '../types';

export function getAddresses(params: ListParams, signal?: AbortSignal) {
  return fetchRegistryPage<Address>('addresses', params, signal);
}

/** One page of addresses; disabled until the area context is known (params null). */
export function useAddresses(params: ListParams | null) {
  return useQuery({
    queryKey: registryKeys.list('addresses', params ?? { area: '' }),
    queryFn: ({ signal }) => getAddresses(params!, signal),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}
