import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../i18n';
import { areaTreeOptions } from '../../lib/areas/tree-options';
import { useSelectedArea } from '../../lib/use-area';

/** The area context in the header, so lists can change area without going back to the overview. */
export function AreaPicker({ block = false }: { block?: boolean }) {
  const { t } = useI18n();
  const area = useSelectedArea();
  const treeData = useMemo(() => areaTreeOptions(area.roots), [area.roots]);

  return (
    <TreeSelect
      value={area.code ?? undefined}
      treeData={treeData}
      onChange={(code: string) => code && area.setArea(code)}
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={area.isPending}
      placeholder="—"
      prefix={`${t('header.area')}:`}
      aria-label={t('header.area')}
      style={{ width: block ? '100%' : 300 }}
      popupMatchSelectWidth={block ? true : 360}
      treeDefaultExpandedKeys={area.roots.map((r) => r.code)}
      data-testid="area-picker"
    />
  );
}
