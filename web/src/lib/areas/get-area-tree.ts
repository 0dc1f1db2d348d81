import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../api-client';
import type { AreaNode } from '../types';
import { type AreaIndex, indexAreaTree } from './area-index';

export interface AreaTreeResponse {
  roots: AreaNode[];
}

export function getAreaTree(signal?: AbortSignal): Promise<AreaTreeResponse> {
  return apiGet<AreaTreeResponse>('/areas/tree', undefined, signal);
}

/** The whole area tree (district → street → community → grid); it rarely changes, so cache it long. */
export function useAreaTree() {
  return useQuery({
    queryKey: ['areas', 'tree'],
    queryFn: ({ signal }) => getAreaTree(signal),
    select: (data): { roots: AreaNode[]; index: AreaIndex } => ({
      roots: data.roots,
      index: indexAreaTree(data.roots),
    }),
    staleTime: 30 * 60_000,
    // Several components read the tree; a refusal (403) should not be asked again by each of them.
    retryOnMount: false,
  });
}
