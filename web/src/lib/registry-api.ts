import type { HistoryResponse, RegistryResource } from '../api/types';
import { apiGet, type QueryValue } from './api-client';

/** Shared fetchers for the generic registry endpoints (lists, records, history). */
export const PAGE_SIZE = 20;

export interface ListParams {
  area: string;
  q?: string;
  cursor?: string | null;
  [filter: string]: QueryValue;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function fetchRegistryPage<T>(resource: RegistryResource, params: ListParams, signal?: AbortSignal) {
  return apiGet<Page<T>>(`/registry/${resource}`, { limit: PAGE_SIZE, ...params }, signal);
}

export function fetchRegistryRecord<T>(resource: RegistryResource, id: string, signal?: AbortSignal) {
  return apiGet<T>(`/registry/${resource}/${encodeURIComponent(id)}`, undefined, signal);
}

export function fetchRegistryHistory(resource: RegistryResource, id: string, signal?: AbortSignal) {
  return apiGet<HistoryResponse>(
    `/registry/${resource}/${encodeURIComponent(id)}/history`,
    undefined,
    signal,
  );
}

/** Query keys, so that list, record and history caches can be told apart and invalidated together. */
export const registryKeys = {
  all: (resource: RegistryResource) => ['registry', resource] as const,
  list: (resource: RegistryResource, params: ListParams) => ['registry', resource, 'list', params] as const,
  record: (resource: RegistryResource, id: string) => ['registry', resource, 'record', id] as const,
  history: (resource: RegistryResource, id: string) => ['registry', resource, 'history', id] as const,
};
