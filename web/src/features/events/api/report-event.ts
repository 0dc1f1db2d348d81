import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiGet, buildUrl } from '../../../lib/api-client';
import { type EventView, eventKeys, type ReportBody } from './types';

/**
 * `POST /events` with the form's Idempotency-Key: a double tap, or a retry after a lost answer, gets the first
 * answer and creates one event. (The shared client sets no custom headers, so this call posts by itself.)
 */
async function postReport(body: ReportBody, key: string, csrf: string | null): Promise<EventView> {
  const response = await fetch(buildUrl('/events'), {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      'Accept-Language': document.documentElement.lang || 'zh-CN',
      'Content-Type': 'application/json',
      'Idempotency-Key': key,
      ...(csrf ? { 'X-CSRF-Token': csrf } : {}),
    },
    body: JSON.stringify(body),
  }).catch((err: unknown) => {
    throw new ApiError(0, 'NETWORK', err instanceof Error ? err.message : String(err));
  });
  const parsed = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok) {
    const text = (k: string) => (typeof parsed?.[k] === 'string' ? (parsed[k] as string) : undefined);
    throw new ApiError(
      response.status,
      text('code') ?? `HTTP_${response.status}`,
      text('message') ?? response.statusText,
      text('field'),
    );
  }
  return parsed as unknown as EventView;
}

/** The session's CSRF token: the signed-in account's cached `/auth/me`, else asked again. */
async function csrfToken(cached: unknown): Promise<string | null> {
  const known = (cached as { csrfToken?: string } | undefined)?.csrfToken;
  if (known) return known;
  return (await apiGet<{ csrfToken: string | null }>('/auth/me')).csrfToken;
}

export function useReportEvent(idempotencyKey: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: ReportBody) =>
      postReport(body, idempotencyKey, await csrfToken(client.getQueryData(['auth', 'me']))),
    onSuccess: (event) => {
      client.setQueryData(eventKeys.one(event.id), event);
      void client.invalidateQueries({ queryKey: ['events', 'list'] });
      void client.invalidateQueries({ queryKey: ['events', 'queue'] });
    },
  });
}
