import { Button, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { DetailPage } from '../../../components/DetailPage';
import { locatedItems } from '../../../components/located-items';
import { enumLabel, useI18n } from '../../../i18n';
import { useCan } from '../../../lib/permissions';
import { useAreaHref } from '../../../lib/use-area';
import { useHouse } from '../api/get-house';
import { useHouseHistory } from '../api/get-house-history';
import { houseUseColour } from '../components/house-columns';

export function HouseDetailRoute() {
  const { id = '' } = useParams();
  const { t, tx } = useI18n();
  const href = useAreaHref();
  const record = useHouse(id);
  const history = useHouseHistory(id);
  const canResidents = useCan('residents');
  const h = record.data;

  return (
    <DetailPage
      title={t('detail.house')}
      heading={h && `${h.address} ${h.unit}`}
      archived={Boolean(h?.archivedAt)}
      backHref={href('/houses')}
      record={record}
      history={history}
      items={
        h && [
          {
            key: 'address',
            label: t('field.address'),
            children: <Link to={href(`/addresses/${h.addressId}`)}>{h.address}</Link>,
            span: 'filled',
          },
          { key: 'unit', label: t('field.unit'), children: h.unit },
          {
            key: 'use',
            label: t('field.use'),
            children: <Tag color={houseUseColour[h.use]}>{enumLabel(tx, 'use', h.use)}</Tag>,
          },
          { key: 'floorArea', label: t('field.floorArea'), children: h.floorArea },
          ...locatedItems(h, t),
        ]
      }
      links={
        h && (
          <>
            {canResidents && (
              <Link to={href('/residents', { houseId: h.id })}>
                <Button type="primary" ghost data-testid="link-residents">
                  {t('detail.residentsInHouse')}
                </Button>
              </Link>
            )}
            <Link to={href(`/addresses/${h.addressId}`)}>
              <Button data-testid="link-address">{t('detail.viewAddress')}</Button>
            </Link>
          </>
        )
      }
    />
  );
}
