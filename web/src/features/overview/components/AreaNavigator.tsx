import { type GetRef, Input, Tree, type TreeDataNode } from 'antd';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../../i18n';
import type { AreaIndex } from '../../../lib/areas/area-index';
import type { AreaNode } from '../../../lib/types';

interface Props {
  roots: AreaNode[];
  index: AreaIndex | null;
  selected: string | null;
  onSelect: (code: string) => void;
  height?: number;
}

function highlight(name: string, search: string): ReactNode {
  const at = search ? name.indexOf(search) : -1;
  if (at < 0) return name;
  return (
    <span>
      {name.slice(0, at)}
      <mark style={{ padding: 0, background: '#ffe58f' }}>{name.slice(at, at + search.length)}</mark>
      {name.slice(at + search.length)}
    </span>
  );
}

/** Tree nodes whose name contains `search`, with their ancestors; every kept key is also returned. */
function filterTree(nodes: AreaNode[], search: string, keys: string[]): TreeDataNode[] {
  const out: TreeDataNode[] = [];
  for (const node of nodes) {
    const children = filterTree(node.children, search, keys);
    if (!search || node.name.includes(search) || children.length > 0) {
      keys.push(node.code);
      out.push({
        key: node.code,
        title: highlight(node.name, search),
        children,
        isLeaf: node.children.length === 0,
      });
    }
  }
  return out;
}

/** District → street → community → grid, searchable; selecting a node sets the app's area. */
export function AreaNavigator({ roots, index, selected, onSelect, height = 560 }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<string[]>(() => roots.map((r) => r.code));
  const treeRef = useRef<GetRef<typeof Tree>>(null);

  const { treeData, matchedKeys } = useMemo(() => {
    const keys: string[] = [];
    const data = filterTree(roots, search.trim(), keys);
    return { treeData: data, matchedKeys: keys };
  }, [roots, search]);

  // Open the path to the selected node (e.g. after a click on the map) and scroll it into view.
  useEffect(() => {
    if (!selected || !index) return;
    const ancestors =
      index
        .get(selected)
        ?.path.slice(0, -1)
        .map((n) => n.code) ?? [];
    setExpanded((prev) => Array.from(new Set([...prev, ...ancestors])));
    const timer = window.setTimeout(() => treeRef.current?.scrollTo({ key: selected, align: 'auto' }), 50);
    return () => window.clearTimeout(timer);
  }, [selected, index]);

  return (
    <div>
      <Input.Search
        placeholder={t('overview.searchArea')}
        aria-label={t('overview.searchArea')}
        allowClear
        onChange={(e) => setSearch(e.target.value)}
        style={{ marginBottom: 8 }}
        data-testid="area-search"
      />
      <Tree
        ref={treeRef}
        treeData={treeData}
        height={height}
        blockNode
        showLine
        aria-label={t('overview.navigator')}
        selectedKeys={selected ? [selected] : []}
        expandedKeys={search.trim() ? matchedKeys : expanded}
        onExpand={(keys) => setExpanded(keys.map(String))}
        onSelect={(keys) => {
          const key = keys[0];
          if (key !== undefined) onSelect(String(key));
        }}
        data-testid="area-tree"
      />
    </div>
  );
}
