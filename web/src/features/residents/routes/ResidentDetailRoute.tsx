import { Button, Space, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { DetailPage } from '../../../components/DetailPage';
import { locatedItems } from '../../../components/located-items';
import { RevealField } from '../../../components/RevealField';
import { enumLabel, useI18n } from '../../../i18n';
import { formatDate, orDash } from '../../../lib/format';
import { useCan } from '../../../lib/permissions';
import { useAreaHref } from '../../../lib/use-area';
import { useResident } from '../api/get-resident';
import { useResidentHistory } from '../api/get-resident-history';
import { householdColour } from '../components/resident-columns';

export function ResidentDetailRoute() {
  const { id = '' } = useParams();
  const { t, tx } = useI18n();
  const href = useAreaHref();
  const record = useResident(id);
  const history = useResidentHistory(id);
  const canHouses = useCan('houses');
  const r = record.data;

  return (
    <DetailPage
      title={t('detail.resident')}
      heading={r?.name}
      archived={Boolean(r?.archivedAt)}
      backHref={href('/residents')}
      record={record}
      history={history}
      items={
        r && [
          { key: 'name', label: t('field.name'), children: r.name },
          { key: 'sex', label: t('field.sex'), children: enumLabel(tx, 'sex', r.sex) },
          { key: 'age', label: t('field.age'), children: r.age },
          { key: 'birthMonth', label: t('field.birthMonth'), children: r.birthMonth },
          { key: 'idType', label: t('field.idType'), children: enumLabel(tx, 'idType', r.idType) },
          {
            key: 'idNumber',
            label: t('field.idNumber'),
            children: (
              <RevealField
                resource="residents"
                id={r.id}
                field="idNumber"
                label={t('field.idNumber')}
                masked={r.idNumber}
              />
            ),
          },
          {
            key: 'phone',
            label: t('field.phone'),
            children: (
              <RevealField
                resource="residents"
                id={r.id}
                field="phone"
                label={t('field.phone')}
                masked={r.phone}
              />
            ),
          },
          {
            key: 'householdType',
            label: t('field.householdType'),
            children: (
              <Tag color={householdColour[r.householdType]}>
                {enumLabel(tx, 'householdType', r.householdType)}
              </Tag>
            ),
          },
          ...(r.householdType === 'floating' || r.permitExpiry
            ? [{ key: 'permitExpiry', label: t('field.permitExpiry'), children: formatDate(r.permitExpiry) }]
            : []),
          ...(r.nationality
            ? [{ key: 'nationality', label: t('field.nationality'), children: r.nationality }]
            : []),
          { key: 'ethnicity', label: t('field.ethnicity'), children: orDash(r.ethnicity) },
          { key: 'relation', label: t('field.relation'), children: orDash(r.relation) },
          {
            key: 'tags',
            label: t('field.tags'),
            children: r.tags.length ? (
              <Space size={[0, 4]} wrap>
                {r.tags.map((tag) => (
                  <Tag key={tag}>{enumLabel(tx, 'tag', tag)}</Tag>
                ))}
              </Space>
            ) : (
              '—'
            ),
          },
          ...locatedItems(r, t),
        ]
      }
      links={
        r &&
        canHouses && (
          <Link to={href(`/houses/${r.houseId}`)}>
            <Button type="primary" ghost data-testid="link-house">
              {t('detail.viewHouse')}
            </Button>
          </Link>
        )
      }
    />
  );
}
