import { useQuery } from '@tanstack/react-query';
import { fetchRegistryRecord, registryKeys } from '../../../lib/registry-api';
import type { Enterprise } from '../types';

export function getEnterprise(id: string, signal?: AbortSignal) {
  return fetchRegistryRecord<Enterprise>('enterprises', id, signal);
}

export function useEnterprise(id: string) {
  return useQuery({
    queryKey: registryKeys.record('enterprises', id),
    queryFn: ({ signal }) => getEnterprise(id, signal),
  });
}
