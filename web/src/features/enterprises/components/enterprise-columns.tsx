import { type TableColumnsType, Tag } from 'antd';
import { areaColumns } from '../../../components/area-columns';
import { enumLabel, type I18n } from '../../../i18n';
import type { Enterprise, LicenceStatus } from '../types';

export const licenceColour: Record<LicenceStatus, string> = {
  licensed: 'green',
  unlicensed: 'orange',
  expired: 'gold',
  revoked: 'red',
};

export function enterpriseColumns(t: I18n['t'], tx: I18n['tx']): TableColumnsType<Enterprise> {
  return [
    { key: 'name', title: t('field.enterpriseName'), dataIndex: 'name', ellipsis: true, width: 220 },
    { key: 'uscc', title: t('field.uscc'), dataIndex: 'uscc', width: 180 },
    {
      key: 'industry',
      title: t('field.industry'),
      width: 110,
      ellipsis: true,
      render: (_, r) => enumLabel(tx, 'industry', r.industry),
    },
    {
      key: 'licenceStatus',
      title: t('field.licenceStatus'),
      width: 110,
      render: (_, r) => (
        <Tag color={licenceColour[r.licenceStatus]}>{enumLabel(tx, 'licenceStatus', r.licenceStatus)}</Tag>
      ),
    },
    {
      key: 'hazardousChemicals',
      title: t('field.hazardousChemicals'),
      width: 100,
      render: (_, r) => (r.hazardousChemicals ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no')),
    },
    { key: 'employees', title: t('field.employees'), dataIndex: 'employees', align: 'right', width: 80 },
    { key: 'address', title: t('field.address'), dataIndex: 'address', ellipsis: true, width: 190 },
    ...areaColumns<Enterprise>(t),
  ];
}
