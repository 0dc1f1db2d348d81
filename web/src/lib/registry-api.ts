import { apiGet, type QueryValue } from './api-client';
import type { HistoryResponse, Page, RegistryEntity } from './types';

/** Shared fetchers for the generic registry endpoints; each feature wraps them in its own query hook. */
export const PAGE_SIZE = 20;

export interface ListParams {
  area: string;
  q?: string;
  cursor?: string | null;
  [filter: string]: QueryValue;
}

export function fetchRegistryPage<T>(entity: RegistryEntity, params: ListParams, signal?: AbortSignal) {
  return apiGet<Page<T>>(`/registry/${entity}`, { limit: PAGE_SIZE, ...params }, signal);
}

export function fetchRegistryRecord<T>(entity: RegistryEntity, id: string, signal?: AbortSignal) {
  return apiGet<T>(`/registry/${entity}/${encodeURIComponent(id)}`, undefined, signal);
}

export function fetchRegistryHistory(entity: RegistryEntity, id: string, signal?: AbortSignal) {
  return apiGet<HistoryResponse>(`/registry/${entity}/${encodeURIComponent(id)}/history`, undefined, signal);
}

/** Query keys, so that list, record and history caches can be told apart and invalidated together. */
export const registryKeys = {
  list: (entity: RegistryEntity, params: ListParams) => ['registry', entity, 'list', params] as const,
  record: (entity: RegistryEntity, id: string) => ['registry', entity, 'record', id] as const,
  history: (entity: RegistryEntity, id: string) => ['registry', entity, 'history', id] as const,
};
