import { useQuery } from '@tanstack/react-query';
import type { GetResponse } from '../../../api/types';
import { apiGet } from '../../../lib/api-client';

type Departments = GetResponse<'/api/v1/registry/departments'>;

/** The district's departments (code → name) for the dispatch dialog. */
export function useDepartments(enabled: boolean) {
  return useQuery({
    queryKey: ['registry', 'departments', 'dispatch'],
    queryFn: ({ signal }) =>
      apiGet<Departments>('/registry/departments', { limit: 200, sort: 'code' }, signal),
    select: (page) => page.items.map((d) => ({ code: d.code, name: d.name })),
    enabled,
    staleTime: 30 * 60_000,
  });
}
