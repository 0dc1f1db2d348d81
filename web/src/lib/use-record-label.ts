import { useQuery } from '@tanstack/react-query';
import { fetchRegistryRecord, registryKeys } from './registry-api';
import type { RegistryEntity } from './types';

/**
 * A short label for a record that a list is filtered by (e.g. the address behind `?addressId=12`).
 * Shares the cache of that record's detail page. Undefined while loading or when it cannot be read.
 */
export function useRecordLabel<T>(
  entity: RegistryEntity,
  id: string | undefined,
  label: (record: T) => string,
) {
  const query = useQuery({
    queryKey: registryKeys.record(entity, id ?? ''),
    queryFn: ({ signal }) => fetchRegistryRecord<T>(entity, id!, signal),
    enabled: Boolean(id),
    retry: false,
  });
  return query.data ? label(query.data) : undefined;
}
