import { Button } from 'antd';
import { Link, useParams } from 'react-router';
import { DetailPage } from '../../../components/DetailPage';
import { locatedItems } from '../../../components/located-items';
import { useI18n } from '../../../i18n';
import { useCan } from '../../../lib/permissions';
import { useAreaHref } from '../../../lib/use-area';
import { useAddress } from '../api/get-address';
import { useAddressHistory } from '../api/get-address-history';

export function AddressDetailRoute() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const href = useAreaHref();
  const record = useAddress(id);
  const canHouses = useCan('houses');
  const canEnterprises = useCan('enterprises');
  const history = useAddressHistory(id);
  const a = record.data;

  return (
    <DetailPage
      title={t('detail.address')}
      heading={a?.fullText}
      archived={Boolean(a?.archivedAt)}
      backHref={href('/addresses')}
      record={record}
      history={history}
      items={
        a && [
          { key: 'fullText', label: t('field.fullText'), children: a.fullText, span: 'filled' },
          { key: 'road', label: t('field.road'), children: a.road },
          { key: 'houseNumber', label: t('field.houseNumber'), children: a.houseNumber },
          {
            key: 'location',
            label: t('field.location'),
            children: `${a.lng.toFixed(6)}, ${a.lat.toFixed(6)}`,
          },
          ...locatedItems(a, t),
        ]
      }
      links={
        a &&
        (canHouses || canEnterprises) && (
          <>
            {canHouses && (
              <Link to={href('/houses', { addressId: a.id })}>
                <Button type="primary" ghost data-testid="link-houses">
                  {t('detail.housesAtAddress')}
                </Button>
              </Link>
            )}
            {canEnterprises && (
              <Link to={href('/enterprises', { addressId: a.id })}>
                <Button data-testid="link-enterprises">{t('detail.enterprisesAtAddress')}</Button>
              </Link>
            )}
          </>
        )
      }
    />
  );
}
