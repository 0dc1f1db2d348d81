import type { HistoryResponse, RegistryResource } from '../api/types';
import { apiGet, buildUrl, type QueryValue } from './api-client';

/** Shared fetchers for the generic registry endpoints (lists, records, history). */
export const PAGE_SIZE = 20;
/** The page sizes a list offers; anything else in the URL falls back to PAGE_SIZE. */
export const PAGE_SIZES = [10, 20, 50, 100] as const;

export interface ListParams {
  area: string;
  q?: string;
  cursor?: string | null;
  limit?: number;
  [filter: string]: QueryValue;
}

/** How many rows the list has: exact, or "more than count" when `atLeast` (the server stops counting). */
export interface ListTotal {
  count: number;
  atLeast: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: ListTotal;
}

export function fetchRegistryPage<T>(resource: RegistryResource, params: ListParams, signal?: AbortSignal) {
  return apiGet<Page<T>>(`/registry/${resource}`, { limit: PAGE_SIZE, ...params }, signal);
}

export type ExportFormat = 'csv' | 'xlsx';

/** The file of the list as it is filtered (the browser downloads it with the session cookie). */
export function registryExportUrl(resource: RegistryResource, params: ListParams, format: ExportFormat) {
  const { cursor: _cursor, limit: _limit, ...filters } = params;
  return buildUrl(`/registry/${resource}/export`, { ...filters, format });
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
