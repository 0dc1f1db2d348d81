import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** List filters kept in the URL next to `?area=`, so a filtered list can be linked and survives "back". */
export function useUrlFilters<K extends string>(
  keys: readonly K[],
): [Record<K, string | undefined>, (changes: Partial<Record<K, string | undefined>>) => void] {
  const [params, setParams] = useSearchParams();
  const serialised = keys.map((k) => `${k}=${params.get(k) ?? ''}`).join('&');

  // biome-ignore lint/correctness/useExhaustiveDependencies: `serialised` captures every value read here
  const values = useMemo(() => {
    const out = {} as Record<K, string | undefined>;
    for (const k of keys) out[k] = params.get(k) || undefined;
    return out;
  }, [serialised]);

  const update = useCallback(
    (changes: Partial<Record<K, string | undefined>>) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes) as [K, string | undefined][]) {
          if (v === undefined || v === '') next.delete(k);
          else next.set(k, v);
        }
        return next;
      });
    },
    [setParams],
  );

  return [values, update];
}
