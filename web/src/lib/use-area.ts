import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { AreaIndex } from './areas/area-index';
import { useAreaTree } from './areas/get-area-tree';
import { useHomeArea } from './home-area';
import type { AreaNode } from './types';

export const AREA_PARAM = 'area';

export interface SelectedArea {
  /** The selected area's code: `?area=` when it names a known node, else the account's own area. */
  code: string | null;
  node: AreaNode | null;
  path: AreaNode[];
  index: AreaIndex | null;
  roots: AreaNode[];
  isPending: boolean;
  error: unknown;
  setArea: (code: string) => void;
}

/** The area context of the whole app, kept in the URL (`?area=CODE`) so every page is linkable. */
export function useSelectedArea(): SelectedArea {
  const [params, setParams] = useSearchParams();
  const tree = useAreaTree();
  const home = useHomeArea();
  const requested = params.get(AREA_PARAM);
  const index = tree.data?.index ?? null;
  const roots = tree.data?.roots ?? [];
  const entry =
    (requested && index?.get(requested)) ||
    (home && index?.get(home)) ||
    (roots[0] ? index?.get(roots[0].code) : undefined);

  const setArea = useCallback(
    (code: string) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set(AREA_PARAM, code);
        return next;
      });
    },
    [setParams],
  );

  return {
    code: entry?.node.code ?? (tree.isPending ? null : requested),
    node: entry?.node ?? null,
    path: entry?.path ?? [],
    index,
    roots,
    isPending: tree.isPending,
    error: tree.error,
    setArea,
  };
}

/** Append the current `?area=` to an in-app path so links keep the area context. */
export function useAreaHref(): (path: string, extra?: Record<string, string | number>) => string {
  const [params] = useSearchParams();
  const area = params.get(AREA_PARAM);
  return useCallback(
    (path: string, extra?: Record<string, string | number>) => {
      const search = new URLSearchParams();
      if (area) search.set(AREA_PARAM, area);
      for (const [k, v] of Object.entries(extra ?? {})) search.set(k, String(v));
      const qs = search.toString();
      return qs ? `${path}?${qs}` : path;
    },
    [area],
  );
}
