import { Card, Skeleton, Statistic } from 'antd';
import type { MessageKey } from '../../../i18n';
import { useI18n } from '../../../i18n';
import { percent } from '../../../lib/format';
import type { RegistrySummary, SummaryCount } from '../types';

interface Stat {
  key: string;
  label: MessageKey;
  /** null: not the account's to see. */
  value: number | null;
  suffix?: string;
  precision?: number;
  note?: string;
}

// The summary names its level as a plain string.
const LEVEL_DEPTH: Partial<Record<string, number>> = { district: 0, street: 1, community: 2, grid: 3 };

function sections(s: RegistrySummary, t: ReturnType<typeof useI18n>['t']) {
  const c = s.counts;
  const n = (key: SummaryCount, label: MessageKey = `summary.${key}`): Stat => ({
    key,
    label,
    value: c[key],
  });
  const depth = LEVEL_DEPTH[s.area.level] ?? 0;
  const both = (a: number | null, b: number | null, f: (a: number, b: number) => number) =>
    a === null || b === null ? null : f(a, b);
  const chronic = both(c.chronicFocus, c.healthRecords, percent);
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
          value: both(c.residents, c.floatingResidents, (all, floating) => Math.max(0, all - floating)),
        },
        n('floatingResidents'),
        {
          key: 'floatingShare',
          label: 'summary.floatingShare',
          value: both(c.floatingResidents, c.residents, percent),
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
        {
          ...n('chronicFocus'),
          ...(chronic !== null && { note: t('summary.chronicShare', { p: chronic.toFixed(1) }) }),
        },
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
        // The group's name sits beside its figures, or above them when the row is too narrow (a phone).
        <div
          key={section.title}
          style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'stretch' }}
        >
          <div style={{ width: 84, flex: 'none', paddingTop: 10, color: '#595959', fontWeight: 500 }}>
            {section.title}
          </div>
          <div
            style={{
              flex: '1 1 280px',
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
                  value={stat.value ?? '—'}
                  precision={stat.precision ?? 0}
                  suffix={stat.suffix}
                  styles={{ content: { fontSize: 22 } }}
                />
                {stat.note && <div style={{ color: '#595959', fontSize: 12 }}>{stat.note}</div>}
              </Card>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
