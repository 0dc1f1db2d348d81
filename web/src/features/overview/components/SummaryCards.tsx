import { Card, Skeleton, Statistic } from 'antd';
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

/** The selected area's registry counts as statistic cards, one themed row each. */
export function SummaryCards({ summary }: { summary: RegistrySummary | undefined }) {
  const { t } = useI18n();
  if (!summary) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <div data-testid="registry-summary" style={{ display: 'grid', gap: 12 }}>
      {sections(summary, t).map((section) => (
        <div key={section.title} style={{ display: 'flex', gap: 12, alignItems: 'stretch' }}>
          <div style={{ width: 84, flex: 'none', paddingTop: 10, color: '#595959', fontWeight: 500 }}>
            {section.title}
          </div>
          <div
            style={{
              flex: 1,
              display: 'grid',
              gap: 12,
              gridTemplateColumns: 'repeat(auto-fill, minmax(128px, 1fr))',
            }}
          >
            {section.stats.map((stat) => (
              <Card
                key={stat.key}
                size="small"
                data-testid={`stat-${stat.key}`}
                styles={{ body: { padding: '10px 14px' } }}
              >
                <Statistic
                  title={t(stat.label)}
                  value={stat.value}
                  precision={stat.precision ?? 0}
                  suffix={stat.suffix}
                  styles={{ content: { fontSize: 22 } }}
                />
                {stat.note && <div style={{ color: '#8c8c8c', fontSize: 12 }}>{stat.note}</div>}
              </Card>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
