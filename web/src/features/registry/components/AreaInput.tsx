import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { areaTreeOptions } from '../../../lib/areas/tree-options';
import { useSelectedArea } from '../../../lib/use-area';

interface Props {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  id?: string;
  testId: string;
}

/** An area chosen by name from the account's own tree (街道 / 社区 / 网格); the form sends its code. */
export function AreaInput({ value, onChange, id, testId }: Props) {
  const area = useSelectedArea();
  const treeData = useMemo(() => areaTreeOptions(area.roots), [area.roots]);
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      treeData={treeData}
      onChange={(code: string | undefined) => onChange?.(code ?? undefined)}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      loading={area.isPending}
      treeDefaultExpandedKeys={area.path.map((n) => n.code)}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
