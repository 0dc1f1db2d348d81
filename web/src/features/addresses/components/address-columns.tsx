import type { TableColumnsType } from 'antd';
import { areaColumns } from '../../../components/area-columns';
import type { I18n } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { Address } from '../types';

export function addressColumns(t: I18n['t']): TableColumnsType<Address> {
  return [
    { key: 'fullText', title: t('field.fullText'), dataIndex: 'fullText', ellipsis: true, width: 320 },
    { key: 'road', title: t('field.road'), dataIndex: 'road', width: 140 },
    { key: 'houseNumber', title: t('field.houseNumber'), dataIndex: 'houseNumber', width: 100 },
    ...areaColumns<Address>(t),
    {
      key: 'updatedAt',
      title: t('field.updatedAt'),
      render: (_, r) => formatDateTime(r.updatedAt),
      width: 150,
    },
  ];
}
