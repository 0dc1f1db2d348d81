import { useCallback } from 'react';
import { type ListParams, PAGE_SIZE, PAGE_SIZES } from './registry-api';
import { type SelectedArea, useSelectedArea } from './use-area';
import { type CursorPaging, useUrlCursorPaging } from './use-cursor-paging';
import { useUrlFilters } from './use-url-filters';

type Paging = 'page' | 'cursor' | 'size';

export interface ListState<K extends string> {
  area: SelectedArea;
  filters: Record<K | 'q', string | undefined>;
  /** Changing a filter starts the list over at page 1. */
  setFilters: (changes: Partial<Record<K | 'q', string | undefined>>) => void;
  paging: CursorPaging & { first: () => void };
  pageSize: number;
  setPageSize: (size: number) => void;
  /** Request parameters, or null while the area context is still loading. */
  params: ListParams | null;
}

/**
 * Area, filters, sort, page size and page of a registry list, all in the URL: a list can be linked, and Back
 * (or a record's 返回列表) returns to the same page of the same list.
 */
export function useListState<K extends string>(filterKeys: readonly K[]): ListState<K> {
  const area = useSelectedArea();
  const [url, setUrl] = useUrlFilters<K | 'q' | Paging>(['q', ...filterKeys, 'page', 'cursor', 'size']);
  const { page: _p, cursor: _c, size: _s, ...filters } = url;
  const size = Number(url.size);
  const pageSize = (PAGE_SIZES as readonly number[]).includes(size) ? size : PAGE_SIZE;
  const listKey = JSON.stringify([area.code, filters, pageSize]);
  const setPaging = setUrl as (changes: Partial<Record<Paging, string | undefined>>) => void;
  const paging = useUrlCursorPaging(listKey, { page: url.page, cursor: url.cursor }, setPaging);
  const setFilters = useCallback(
    (changes: Partial<Record<K | 'q', string | undefined>>) =>
      setUrl({ ...changes, page: undefined, cursor: undefined } as Partial<Record<K | 'q' | Paging, string>>),
    [setUrl],
  );
  const setPageSize = useCallback(
    (n: number) =>
      setPaging({ size: n === PAGE_SIZE ? undefined : String(n), page: undefined, cursor: undefined }),
    [setPaging],
  );
  const params: ListParams | null = area.code
    ? { area: area.code, ...filters, limit: pageSize, cursor: paging.cursor }
    : null;
  return {
    area,
    filters: filters as Record<K | 'q', string | undefined>,
    setFilters,
    paging,
    pageSize,
    setPageSize,
    params,
  };
}

const LAST_LIST_KEY = 'grid.lastList';

/** Remembers where a list was (its filters, sort, page), for a record's 返回列表 to return to it. */
export function rememberListUrl(path: string, search: string) {
  try {
    window.sessionStorage.setItem(LAST_LIST_KEY, JSON.stringify({ path, search }));
  } catch {
    // storage unavailable: 返回列表 opens the list's first page
  }
}

/** The list at `path` as it was last shown in this tab, or `fallback` (its first page). */
export function lastListUrl(path: string, fallback: string): string {
  try {
    const last = JSON.parse(window.sessionStorage.getItem(LAST_LIST_KEY) ?? 'null') as {
      path: string;
      search: string;
    } | null;
    return last?.path === path ? `${path}${last.search}` : fallback;
  } catch {
    return fallback;
  }
}
