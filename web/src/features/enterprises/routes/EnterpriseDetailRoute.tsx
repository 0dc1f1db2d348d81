import { Button, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { DetailPage } from '../../../components/DetailPage';
import { locatedItems } from '../../../components/located-items';
import { enumLabel, useI18n } from '../../../i18n';
import { orDash } from '../../../lib/format';
import { useAreaHref } from '../../../lib/use-area';
import { useEnterprise } from '../api/get-enterprise';
import { useEnterpriseHistory } from '../api/get-enterprise-history';
import { licenceColour } from '../components/enterprise-columns';

export function EnterpriseDetailRoute() {
  const { id = '' } = useParams();
  const { t, tx } = useI18n();
  const href = useAreaHref();
  const record = useEnterprise(id);
  const history = useEnterpriseHistory(id);
  const e = record.data;

  return (
    <DetailPage
      title={t('detail.enterprise')}
      heading={e?.name}
      archived={Boolean(e?.archivedAt)}
      backHref={href('/enterprises')}
      record={record}
      history={history}
      items={
        e && [
          { key: 'name', label: t('field.enterpriseName'), children: e.name, span: 'filled' },
          { key: 'uscc', label: t('field.uscc'), children: e.uscc },
          { key: 'industry', label: t('field.industry'), children: enumLabel(tx, 'industry', e.industry) },
          {
            key: 'licenceStatus',
            label: t('field.licenceStatus'),
            children: (
              <Tag color={licenceColour[e.licenceStatus]}>
                {enumLabel(tx, 'licenceStatus', e.licenceStatus)}
              </Tag>
            ),
          },
          {
            key: 'hazardousChemicals',
            label: t('field.hazardousChemicals'),
            children: e.hazardousChemicals ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no'),
          },
          { key: 'employees', label: t('field.employees'), children: orDash(e.employees) },
          {
            key: 'legalRepresentative',
            label: t('field.legalRepresentative'),
            children: orDash(e.legalRepresentative),
          },
          {
            key: 'address',
            label: t('field.address'),
            children: <Link to={href(`/addresses/${e.addressId}`)}>{e.address}</Link>,
            span: 'filled',
          },
          ...locatedItems(e, t),
        ]
      }
      links={
        e && (
          <Link to={href(`/addresses/${e.addressId}`)}>
            <Button type="primary" ghost data-testid="link-address">
              {t('detail.viewAddress')}
            </Button>
          </Link>
        )
      }
    />
  );
}
