import type { TableColumnsType as ColumnsType } from 'antd';
import type { I18n } from '../i18n';
import type { LocatedRecord } from '../lib/types';

/** Street / community / grid columns shared by every registry table. */
export function areaColumns<T extends LocatedRecord>(t: I18n['t']): ColumnsType<T> {
  return [
    { key: 'street', title: t('field.street'), render: (_, r) => r.area.street ?? '—', width: 120 },
    { key: 'community', title: t('field.community'), render: (_, r) => r.area.community ?? '—', width: 130 },
    { key: 'grid', title: t('field.grid'), render: (_, r) => r.area.grid ?? '—', width: 120 },
  ];
}
