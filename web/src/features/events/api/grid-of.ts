import { useMemo } from 'react';
import { useAreaTree } from '../../../lib/areas/get-area-tree';

/** An event's grid (its code and "street / community / grid" path) from the cached area tree, by id. */
export function useGridOf(gridId: number | undefined): { code: string; path: string } | null {
  const tree = useAreaTree();
  return useMemo(() => {
    if (!tree.data || gridId === undefined) return null;
    for (const [code, { node, path }] of tree.data.index) {
      if (node.level === 'grid' && node.id === gridId)
        return {
          code,
          path: path
            .slice(1)
            .map((n) => n.name)
            .join(' / '),
        };
    }
    return null;
  }, [tree.data, gridId]);
}
