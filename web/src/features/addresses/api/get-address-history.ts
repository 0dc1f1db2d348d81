import { useQuery } from '@tanstack/react-query';
import { fetchRegistryHistory, registryKeys } from '../../../lib/registry-api';

export function getAddressHistory(id: string, signal?: AbortSignal) {
  return fetchRegistryHistory('addresses', id, signal);
}

export function useAddressHistory(id: string) {
  return useQuery({
    queryKey: registryKeys.history('addresses', id),
    queryFn: ({ signal }) => getAddressHistory(id, signal),
  });
}
