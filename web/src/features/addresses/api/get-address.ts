import { useQuery } from '@tanstack/react-query';
import { fetchRegistryRecord, registryKeys } from '../../../lib/registry-api';
import type { Address } from '../types';

export function getAddress(id: string, signal?: AbortSignal) {
  return fetchRegistryRecord<Address>('addresses', id, signal);
}

export function useAddress(id: string) {
  return useQuery({
    queryKey: registryKeys.record('addresses', id),
    queryFn: ({ signal }) => getAddress(id, signal),
  });
}
