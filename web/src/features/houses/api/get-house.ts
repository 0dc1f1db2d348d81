import { useQuery } from '@tanstack/react-query';
import { fetchRegistryRecord, registryKeys } from '../../../lib/registry-api';
import type { House } from '../types';

export function getHouse(id: string, signal?: AbortSignal) {
  return fetchRegistryRecord<House>('houses', id, signal);
}

export function useHouse(id: string) {
  return useQuery({
    queryKey: registryKeys.record('houses', id),
    queryFn: ({ signal }) => getHouse(id, signal),
  });
}
