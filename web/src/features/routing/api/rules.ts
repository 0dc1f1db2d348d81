import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GetResponse, PostBody } from '../../../api/types';
import { apiGet, apiPost } from '../../../lib/api-client';

export type RuleList = GetResponse<'/api/v1/routing-rules'>;
export type Rule = RuleList['items'][number];
export type RuleBody = PostBody<'/api/v1/routing-rules'>;
export type Acceptance = GetResponse<'/api/v1/routing-rules/acceptance'>;

const KEY = ['routing-rules'] as const;

/** The district's routing rules (live ones, or every version with the retired). */
export function useRules(includeRetired: boolean) {
  return useQuery({
    queryKey: [...KEY, 'list', includeRetired],
    queryFn: ({ signal }) => apiGet<RuleList>('/routing-rules', { includeRetired }, signal),
  });
}

/** How often dispatchers took the suggestion over the last 90 days. */
export function useAcceptance() {
  return useQuery({
    queryKey: [...KEY, 'acceptance'],
    queryFn: ({ signal }) => apiGet<Acceptance>('/routing-rules/acceptance', undefined, signal),
  });
}

/** Create (no id), replace with a new version (an id), or retire (an id, no body). */
export function useSaveRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body?: RuleBody }) =>
      id === undefined
        ? apiPost<Rule>('/routing-rules', body)
        : body
          ? apiPost<Rule>(`/routing-rules/${id}/replace`, body)
          : apiPost<Rule>(`/routing-rules/${id}/retire`),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

type Departments = GetResponse<'/api/v1/registry/departments'>;

/** The district's departments, code → name. */
export function useDepartmentNames() {
  return useQuery({
    queryKey: ['registry', 'departments', 'routing'],
    queryFn: ({ signal }) =>
      apiGet<Departments>('/registry/departments', { limit: 200, sort: 'code' }, signal),
    select: (page) => new Map(page.items.map((d) => [d.code, d.name])),
    staleTime: 30 * 60_000,
  });
}
