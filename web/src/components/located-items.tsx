import type { DescriptionsProps } from 'antd';
import type { I18n } from '../i18n';
import { formatDateTime } from '../lib/format';
import type { LocatedRecord } from '../lib/types';

type Items = NonNullable<DescriptionsProps['items']>;

/** Description items every located record has: where it is and when it changed (not its id or version: bookkeeping). */
export function locatedItems(record: LocatedRecord, t: I18n['t']): Items {
  const { street, community, grid, gridCode } = record.area;
  return [
    {
      key: 'area',
      label: t('field.area'),
      // A record placed at the district itself (a department, a district party committee) has no street.
      children: [street, community, grid].filter(Boolean).join(' / ') || t('records.area.district'),
    },
    { key: 'gridCode', label: t('field.gridCode'), children: gridCode ?? '—' },
    { key: 'createdAt', label: t('field.createdAt'), children: formatDateTime(record.createdAt) },
    { key: 'updatedAt', label: t('field.updatedAt'), children: formatDateTime(record.updatedAt) },
    ...(record.archivedAt
      ? [{ key: 'archivedAt', label: t('field.archivedAt'), children: formatDateTime(record.archivedAt) }]
      : []),
  ];
}
