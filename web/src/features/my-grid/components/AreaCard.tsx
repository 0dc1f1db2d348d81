import { Card, Col, Row, Statistic, Typography } from 'antd';
import { type MessageKey, useI18n } from '../../../i18n';
import { formatNumber } from '../../../lib/format';
import { useCan } from '../../../lib/permissions';
import { type RegistrySummary, useAreaCounts } from '../api/get-counts';
import { BigLink } from './BigLink';
import { FocusCounts } from './FocusCounts';

type Count = keyof RegistrySummary['counts'];

const FIGURES: { key: Count; label: MessageKey; list?: string }[] = [
  { key: 'residents', label: 'myGrid.residents', list: 'residents' },
  { key: 'floatingResidents', label: 'myGrid.floating', list: 'residents' },
  { key: 'houses', label: 'myGrid.houses', list: 'houses' },
  { key: 'addresses', label: 'myGrid.addresses', list: 'addresses' },
  { key: 'enterprises', label: 'myGrid.enterprises', list: 'enterprises' },
  { key: 'chronicFocus', label: 'myGrid.chronicFocus' },
];

/** One of the account's areas: where it is, its key counts, and large buttons to the lists and forms. */
export function AreaCard({ code, name, path }: { code: string; name: string; path: string }) {
  const { t, lang } = useI18n();
  const counts = useAreaCounts(code);
  const canNewResident = useCan('residents', 'create');
  const canNewHouse = useCan('houses', 'create');
  const inArea = (to: string) => `${to}?area=${code}`;
  const figures = FIGURES.filter((f) => counts.data?.counts[f.key] !== null);

  return (
    <Card data-testid={`my-area-${code}`} title={<h2 style={{ margin: 0, fontSize: 18 }}>{name}</h2>}>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t('myGrid.path')}：{path}
      </Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {figures.map((f) => (
          <Col xs={12} sm={8} lg={4} key={f.key}>
            <Statistic
              title={t(f.label)}
              loading={counts.isPending}
              value={formatNumber(counts.data?.counts[f.key], lang)}
              data-testid={`my-count-${f.key}`}
            />
          </Col>
        ))}
      </Row>
      <FocusCounts area={code} />
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
          gap: 12,
          marginTop: 16,
        }}
      >
        <BigLink to={inArea('/residents')} primary>
          {t('myGrid.residentsList')}
        </BigLink>
        <BigLink to={inArea('/houses')}>{t('myGrid.housesList')}</BigLink>
        <BigLink to={inArea('/addresses')}>{t('myGrid.addressesList')}</BigLink>
        {canNewResident && (
          <BigLink to={inArea('/residents/new')} data-testid="my-new-resident">
            {t('myGrid.newResident')}
          </BigLink>
        )}
        {canNewHouse && (
          <BigLink to={inArea('/houses/new')} data-testid="my-new-house">
            {t('myGrid.newHouse')}
          </BigLink>
        )}
        <BigLink to={inArea('/')}>{t('myGrid.onMap')}</BigLink>
      </div>
    </Card>
  );
}
