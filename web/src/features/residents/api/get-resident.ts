import { useQuery } from '@tanstack/react-query';
import { fetchRegistryRecord, registryKeys } from '../../../lib/registry-api';
import type { Resident } from '../types';

export function getResident(id: string, signal?: AbortSignal) {
  return fetchRegistryRecord<Resident>('residents', id, signal);
}

export function useResident(id: string) {
  return useQuery({
    queryKey: registryKeys.record('residents', id),
    queryFn: ({ signal }) => getResident(id, signal),
  });
}
