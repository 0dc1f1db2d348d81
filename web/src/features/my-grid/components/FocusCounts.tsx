import { Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { formatNumber } from '../../../lib/format';
import { type FocusKind, focusFilter, PERMIT_NOTICE_DAYS, useFocusCount } from '../api/get-counts';

const KINDS: FocusKind[] = ['elderly_alone', 'key_care', 'permit_expiring'];

/** One focus figure, a link to the residents list filtered the same way. */
function FocusFigure({ area, kind }: { area: string; kind: FocusKind }) {
  const { t, lang } = useI18n();
  const count = useFocusCount(area, kind);
  const label =
    kind === 'elderly_alone'
      ? t('myGrid.elderlyAlone')
      : kind === 'key_care'
        ? t('myGrid.keyCare')
        : t('myGrid.permitExpiring', { days: PERMIT_NOTICE_DAYS });
  const total = count.data;
  const value = total
    ? total.atLeast
      ? t('myGrid.atLeast', { n: formatNumber(total.count, lang) })
      : formatNumber(total.count, lang)
    : '—';
  const query = new URLSearchParams({ area, ...focusFilter(kind) });
  return (
    <Col xs={8}>
      <Link to={`/residents?${query}`} data-testid={`my-focus-${kind}`}>
        <Statistic
          title={label}
          value={value}
          loading={count.isPending}
          styles={{ title: { fontSize: 13 } }}
        />
      </Link>
    </Col>
  );
}

/** Elderly alone, key care and expiring permits: from the residents list's filtered total where it has one. */
export function FocusCounts({ area }: { area: string }) {
  const { t } = useI18n();
  // Probe with one figure: a server without list totals or these filters answers without `total` (or refuses).
  const probe = useFocusCount(area, 'elderly_alone');
  const unavailable = probe.isError || (probe.isSuccess && probe.data === null);
  return (
    <section style={{ marginTop: 16 }} aria-label={t('myGrid.focus')}>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('myGrid.focus')}
      </Typography.Title>
      {unavailable ? (
        <Typography.Paragraph type="secondary" data-testid="my-focus-unavailable">
          {t('myGrid.focusPending')}
        </Typography.Paragraph>
      ) : (
        <Row gutter={[12, 12]}>
          {KINDS.map((kind) => (
            <FocusFigure key={kind} area={area} kind={kind} />
          ))}
        </Row>
      )}
    </section>
  );
}
