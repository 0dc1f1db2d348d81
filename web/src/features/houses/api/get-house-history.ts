import { useQuery } from '@tanstack/react-query';
import { fetchRegistryHistory, registryKeys } from '../../../lib/registry-api';

export function getHouseHistory(id: string, signal?: AbortSignal) {
  return fetchRegistryHistory('houses', id, signal);
}

export function useHouseHistory(id: string) {
  return useQuery({
    queryKey: registryKeys.history('houses', id),
    queryFn: ({ signal }) => getHouseHistory(id, signal),
  });
}
