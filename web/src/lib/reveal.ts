import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { PersonalField, RegistryResource } from '../api/types';
import { apiPost, isUnauthenticated } from './api-client';

export type { PersonalField };
/** Registry resources that hold personal data (the API serves `/reveal` for these only). */
export type RevealResource = RegistryResource;
export type RevealedValue = string | string[] | null;

/** How long a revealed value stays on screen before it is masked again (it also goes when the page does). */
export const REVEAL_VISIBLE_MS = 3 * 60_000;

/** `POST /registry/{resource}/{id}/reveal`: the clear value of one personal field; the server audits it. */
export function revealPersonalField(
  resource: RevealResource,
  id: string | number,
  field: PersonalField,
  reason: string,
) {
  return apiPost<{ field: string; value: RevealedValue }>(
    `/registry/${resource}/${encodeURIComponent(String(id))}/reveal`,
    { field, reason },
  );
}

export interface Reveal {
  /** The clear value while it is shown; undefined while masked. */
  value: RevealedValue | undefined;
  reveal: (reason: string) => Promise<void>;
  hide: () => void;
  isPending: boolean;
  error: Error | null;
  clearError: () => void;
}

/**
 * One personal field of one record, revealed on request. The clear value lives only in this hook's state
 * (never in the query cache): it is gone when the component unmounts, the record changes, or the time is up.
 */
export function useReveal(resource: RevealResource, id: string | number, field: PersonalField): Reveal {
  const key = `${resource}/${id}/${field}`;
  const [shown, setShown] = useState<{ key: string; value: RevealedValue } | null>(null);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (reason: string) => revealPersonalField(resource, id, field, reason),
    gcTime: 0,
    // The session ended: re-ask who we are, which brings up the sign-in screen (as queries do).
    onError: (error) => {
      if (isUnauthenticated(error)) void queryClient.invalidateQueries({ queryKey: ['auth', 'me'] });
    },
  });
  const { mutateAsync, reset } = mutation;

  useEffect(() => {
    if (!shown) return;
    const timer = window.setTimeout(() => setShown(null), REVEAL_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [shown]);

  const reveal = useCallback(
    async (reason: string) => {
      const answer = await mutateAsync(reason);
      setShown({ key, value: answer.value });
      reset(); // forget the answer in the mutation cache too
    },
    [key, mutateAsync, reset],
  );

  return {
    value: shown?.key === key ? shown.value : undefined,
    reveal,
    hide: useCallback(() => setShown(null), []),
    isPending: mutation.isPending,
    error: mutation.error,
    clearError: reset,
  };
}
