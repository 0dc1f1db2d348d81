import { useQuery } from '@tanstack/react-query';
import { fetchRegistryHistory, registryKeys } from '../../../lib/registry-api';

export function getResidentHistory(id: string, signal?: AbortSignal) {
  return fetchRegistryHistory('residents', id, signal);
}

export function useResidentHistory(id: string) {
  return useQuery({
    queryKey: registryKeys.history('residents', id),
    queryFn: ({ signal }) => getResidentHistory(id, signal),
  });
}
