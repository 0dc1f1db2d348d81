import { useQuery } from '@tanstack/react-query';
import { fetchRegistryHistory, registryKeys } from '../../../lib/registry-api';

export function getEnterpriseHistory(id: string, signal?: AbortSignal) {
  return fetchRegistryHistory('enterprises', id, signal);
}

export function useEnterpriseHistory(id: string) {
  return useQuery({
    queryKey: registryKeys.history('enterprises', id),
    queryFn: ({ signal }) => getEnterpriseHistory(id, signal),
  });
}
