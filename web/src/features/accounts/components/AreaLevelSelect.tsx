import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n';
import { useAreaTree } from '../../../lib/areas/get-area-tree';
import type { AreaLevel, AreaNode } from '../../../lib/types';

interface TreeItem {
  value: string;
  title: string;
  selectable: boolean;
  children?: TreeItem[];
}

/** The area tree down to `level`, where only areas of `level` can be chosen (a grid worker's grid, …). */
function toTree(nodes: AreaNode[], level: AreaLevel | null): TreeItem[] {
  return nodes.map((n) => ({
    value: n.code,
    title: n.name,
    selectable: level === null || n.level === level,
    ...(n.level !== level && n.children.length ? { children: toTree(n.children, level) } : {}),
  }));
}

/**
 * A searchable tree select of the areas the administrator sees (the area tree API answers its scope);
 * `level` null allows any level (a filter by subtree).
 */
export function AreaLevelSelect({
  level,
  value,
  onChange,
  placeholder,
  testId,
  id,
}: {
  level: AreaLevel | null;
  value?: string | undefined;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  testId?: string;
  id?: string;
}) {
  const { t } = useI18n();
  const tree = useAreaTree();
  const data = useMemo(() => toTree(tree.data?.roots ?? [], level), [tree.data, level]);
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={data}
      showSearch
      allowClear
      treeNodeFilterProp="title"
      loading={tree.isPending}
      placeholder={
        placeholder ??
        (level ? t('accounts.areaAt', { level: t(`accounts.level.${level}`) }) : t('accounts.area'))
      }
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      aria-label={placeholder ?? t('accounts.area')}
      data-testid={testId}
    />
  );
}
