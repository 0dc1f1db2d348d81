import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegistryResource } from '../../../api/types';
import { apiPatch, apiPost } from '../../../lib/api-client';
import {
  fetchRegistryHistory,
  fetchRegistryPage,
  fetchRegistryRecord,
  type ListParams,
  registryKeys,
} from '../../../lib/registry-api';
import type { LocatedRecord } from '../../../lib/types';

/**
 * What the generic screens hold of a record: the contract's types are per entity (api/types.ts), the
 * screens read fields by the names their description gives.
 */
export type Shape = LocatedRecord & Record<string, unknown>;

/** One page of a list; disabled until the area context is known (params null). */
export function useRegistryList(resource: RegistryResource, params: ListParams | null) {
  return useQuery({
    queryKey: registryKeys.list(resource, params ?? { area: '' }),
    queryFn: ({ signal }) => fetchRegistryPage<Shape>(resource, params!, signal),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}

/** One record; `lookup` for names shown beside a filter or an input, where a wrong id is not worth retrying. */
export function useRegistryRecord(resource: RegistryResource, id: string | undefined, lookup = false) {
  return useQuery({
    queryKey: registryKeys.record(resource, id ?? ''),
    queryFn: ({ signal }) => fetchRegistryRecord<Shape>(resource, id!, signal),
    enabled: Boolean(id),
    ...(lookup && { retry: false }),
  });
}

export function useRegistryHistory(resource: RegistryResource, id: string) {
  return useQuery({
    queryKey: registryKeys.history(resource, id),
    queryFn: ({ signal }) => fetchRegistryHistory(resource, id, signal),
  });
}

const path = (resource: RegistryResource, id?: number) =>
  id === undefined ? `/registry/${resource}` : `/registry/${resource}/${id}`;

/** Create, change or archive a record; lists, records and histories of the resource are fetched anew. */
export function useRegistryWrite(resource: RegistryResource) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: registryKeys.all(resource) });
  return {
    create: useMutation({
      mutationFn: (body: Record<string, unknown>) => apiPost<Shape>(path(resource), body),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: number; body: Record<string, unknown> }) =>
        apiPatch<Shape>(path(resource, id), body),
      onSuccess,
    }),
    archive: useMutation({
      mutationFn: (id: number) => apiPost<Shape>(`${path(resource, id)}/archive`),
      onSuccess,
    }),
  };
}
