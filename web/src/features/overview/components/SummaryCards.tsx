import { Card, Col, Divider, Row, Skeleton, Statistic } from 'antd';
import type { MessageKey } from '../../../i18n';
import { useI18n } from '../../../i18n';
import { percent } from '../../../lib/format';
import type { AreaLevel } from '../../../lib/types';
import type { RegistrySummary, SummaryCount } from '../types';

interface Stat {
  key: string;
  label: MessageKey;
  value: number;
  suffix?: string;
  precision?: number;
  note?: string;
}

const LEVEL_DEPTH: Record<AreaLevel, number> = { district: 0, street: 1, community: 2, grid: 3 };

function sections(s: RegistrySummary, t: ReturnType<typeof useI18n>['t']) {
  const c = s.counts;
  const n = (key: SummaryCount, label: MessageKey = `summary.${key}`): Stat => ({
    key,
    label,
    value: c[key] ?? 0,
  });
  const depth = LEVEL_DEPTH[s.area.level] ?? 0;
  const chronic = percent(c.chronicFocus, c.healthRecords);
  const structure = [
    ...(depth < 1 ? [n('streets')] : []),
    ...(depth < 2 ? [n('communities')] : []),
    ...(depth < 3 ? [n('grids')] : []),
  ];
  return [
    {
      title: t('overview.people'),
      stats: [
        n('residents'),
        {
          key: 'registered',
          label: 'summary.registeredResidents',
          value: Math.max(0, c.residents - c.floatingResidents),
        },
        n('floatingResidents'),
        {
          key: 'floatingShare',
          label: 'summary.floatingShare',
          value: percent(c.floatingResidents, c.residents),
          suffix: '%',
          precision: 1,
        },
      ] as Stat[],
    },
    { title: t('overview.places'), stats: [n('addresses'), n('houses'), ...structure] },
    {
      title: t('overview.organisations'),
      stats: [
        n('enterprises'),
        n('socialOrganisations'),
        n('partyOrganisations'),
        n('partyMembers'),
        n('partyStudios'),
      ],
    },
    {
      title: t('overview.services'),
      stats: [
        n('healthRecords'),
        { ...n('chronicFocus'), note: t('summary.chronicShare', { p: chronic.toFixed(1) }) },
        n('serviceFacilities'),
        n('departments'),
        n('staff'),
      ],
    },
  ];
}

/** The selected area's registry counts as statistic cards, grouped by theme. */
export function SummaryCards({ summary }: { summary: RegistrySummary | undefined }) {
  const { t } = useI18n();
  if (!summary) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <div data-testid="registry-summary">
      {sections(summary, t).map((section, i) => (
        <div key={section.title}>
          <Divider titlePlacement="start" plain style={{ marginTop: i === 0 ? 0 : 16 }}>
            {section.title}
          </Divider>
          <Row gutter={[12, 12]}>
            {section.stats.map((stat) => (
              <Col key={stat.key} xs={12} md={8} xl={6} xxl={4}>
                <Card size="small" data-testid={`stat-${stat.key}`}>
                  <Statistic
                    title={t(stat.label)}
                    value={stat.value}
                    precision={stat.precision ?? 0}
                    suffix={stat.suffix}
                  />
                  {stat.note && (
                    <div style={{ color: '#8c8c8c', fontSize: 12, marginTop: 4 }}>{stat.note}</div>
                  )}
                </Card>
              </Col>
            ))}
          </Row>
        </div>
      ))}
    </div>
  );
}
