import type { ListParams } from './registry-api';
import { type SelectedArea, useSelectedArea } from './use-area';
import { type CursorPaging, useCursorPaging } from './use-cursor-paging';
import { useUrlFilters } from './use-url-filters';

export interface ListState<K extends string> {
  area: SelectedArea;
  filters: Record<K | 'q', string | undefined>;
  setFilters: (changes: Partial<Record<K | 'q', string | undefined>>) => void;
  paging: CursorPaging;
  /** Request parameters, or null while the area context is still loading. */
  params: ListParams | null;
}

/** Area + URL filters + cursor stack of a registry list; the stack restarts whenever a filter changes. */
export function useListState<K extends string>(filterKeys: readonly K[]): ListState<K> {
  const area = useSelectedArea();
  const [filters, setFilters] = useUrlFilters<K | 'q'>(['q', ...filterKeys]);
  const paging = useCursorPaging(JSON.stringify([area.code, filters]));
  const params: ListParams | null = area.code ? { area: area.code, ...filters, cursor: paging.cursor } : null;
  return { area, filters, setFilters, paging, params };
}
