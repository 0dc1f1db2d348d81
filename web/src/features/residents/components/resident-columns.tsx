import { Space, type TableColumnsType, Tag } from 'antd';
import { areaColumns } from '../../../components/area-columns';
import { enumLabel, type I18n } from '../../../i18n';
import type { Resident } from '../types';

export const householdColour: Record<Resident['householdType'], string> = {
  registered: 'blue',
  floating: 'orange',
};

export function residentColumns(t: I18n['t'], tx: I18n['tx']): TableColumnsType<Resident> {
  return [
    { key: 'name', title: t('field.name'), dataIndex: 'name', width: 100, fixed: 'left' },
    { key: 'sex', title: t('field.sex'), width: 70, render: (_, r) => enumLabel(tx, 'sex', r.sex) },
    { key: 'age', title: t('field.age'), dataIndex: 'age', width: 70, align: 'right' },
    {
      key: 'householdType',
      title: t('field.householdType'),
      width: 110,
      render: (_, r) => (
        <Tag color={householdColour[r.householdType]}>{enumLabel(tx, 'householdType', r.householdType)}</Tag>
      ),
    },
    { key: 'idNumber', title: t('field.idNumber'), dataIndex: 'idNumber', width: 190 },
    { key: 'phone', title: t('field.phone'), width: 130, render: (_, r) => r.phone ?? '—' },
    {
      key: 'tags',
      title: t('field.tags'),
      width: 160,
      render: (_, r) => (
        <Space size={[0, 4]} wrap>
          {r.tags.map((tag) => (
            <Tag key={tag}>{enumLabel(tx, 'tag', tag)}</Tag>
          ))}
        </Space>
      ),
    },
    ...areaColumns<Resident>(t),
  ];
}
