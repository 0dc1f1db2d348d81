import { useQuery } from '@tanstack/react-query';
import type { GetResponse } from '../api/types';
import { apiGet } from './api-client';

/** `GET /client-config`: demo mode and the optional basemap; public, the same for every account. */
export type ClientConfig = GetResponse<'/api/v1/client-config'>;

export const clientConfigKey = ['client-config'] as const;

/** Installation settings; fetched once per page load (they change only with a restart of the server). */
export function useClientConfig() {
  return useQuery({
    queryKey: clientConfigKey,
    queryFn: ({ signal }) => apiGet<ClientConfig>('/client-config', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}
