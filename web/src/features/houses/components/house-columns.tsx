import { type TableColumnsType, Tag } from 'antd';
import { areaColumns } from '../../../components/area-columns';
import { enumLabel, type I18n } from '../../../i18n';
import type { House, HouseUse } from '../types';

export const houseUseColour: Record<HouseUse, string> = {
  own: 'green',
  rented: 'orange',
  commercial: 'purple',
  vacant: 'default',
};

export function houseColumns(t: I18n['t'], tx: I18n['tx']): TableColumnsType<House> {
  return [
    { key: 'address', title: t('field.address'), dataIndex: 'address', ellipsis: true, width: 300 },
    { key: 'unit', title: t('field.unit'), dataIndex: 'unit', width: 100 },
    {
      key: 'use',
      title: t('field.use'),
      width: 110,
      render: (_, r) => <Tag color={houseUseColour[r.use]}>{enumLabel(tx, 'use', r.use)}</Tag>,
    },
    { key: 'floorArea', title: t('field.floorArea'), dataIndex: 'floorArea', align: 'right', width: 120 },
    ...areaColumns<House>(t),
  ];
}
