import type { AreaNode } from '../types';

export interface IndexedArea {
  node: AreaNode;
  /** From the root down to this node, inclusive. */
  path: AreaNode[];
  parent: AreaNode | null;
}

export type AreaIndex = Map<string, IndexedArea>;

export function indexAreaTree(roots: AreaNode[]): AreaIndex {
  const index: AreaIndex = new Map();
  const visit = (node: AreaNode, path: AreaNode[]) => {
    const here = [...path, node];
    index.set(node.code, { node, path: here, parent: path[path.length - 1] ?? null });
    for (const child of node.children) visit(child, here);
  };
  for (const root of roots) visit(root, []);
  return index;
}

/** The ancestor of `code` at `level`, or null when the node is above that level. */
export function ancestorAt(index: AreaIndex, code: string, level: AreaNode['level']): AreaNode | null {
  return index.get(code)?.path.find((n) => n.level === level) ?? null;
}

/** "黄埔区 / 红山街道 / 沙浦社区" */
export function areaPathLabel(index: AreaIndex, code: string): string {
  return (
    index
      .get(code)
      ?.path.map((n) => n.name)
      .join(' / ') ?? code
  );
}
