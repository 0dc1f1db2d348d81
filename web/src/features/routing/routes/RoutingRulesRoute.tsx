import { Button, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { findCategory } from '../../../../../core/events/catalogue';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useCan } from '../../../lib/permissions';
import { type Rule, useAcceptance, useDepartmentNames, useRules, useSaveRule } from '../api/rules';
import { RuleForm } from '../components/RuleForm';
import { useRoutingI18n } from '../i18n';

const percent = (rate: number | null | undefined) =>
  rate == null ? '—' : `${Math.round(rate * 1000) / 10}%`;

/** 分流规则: the district centre's rules by category with their area, acceptance rate, and the edits it may make. */
export function RoutingRulesRoute() {
  const { t, lang } = useRoutingI18n();
  const [includeRetired, setIncludeRetired] = useState(false);
  const [editing, setEditing] = useState<{ rule: Rule | null } | null>(null);
  const rules = useRules(includeRetired);
  const acceptance = useAcceptance();
  const names = useDepartmentNames().data;
  const save = useSaveRule();
  const mayCreate = useCan('routing_rules', 'create');
  const mayReplace = useCan('routing_rules', 'update');
  const mayRetire = useCan('routing_rules', 'archive');
  const byRule = new Map((acceptance.data?.byRule ?? []).map((r) => [r.rule?.id ?? 0, r]));
  const overall = acceptance.data?.overall;
  const dept = (code: string) => names?.get(code) ?? code;
  const depts = (codes: readonly string[]) => codes.map(dept).join('、') || '—';
  const categoryName = (code: string) => {
    const c = findCategory(code);
    return c ? `${code} ${lang === 'en' ? c.name.en : c.name.zh}` : code;
  };

  return (
    <div style={{ maxWidth: 1200 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Space wrap>
          <Space>
            <Switch checked={includeRetired} onChange={setIncludeRetired} aria-label={t('showRetired')} />
            {t('showRetired')}
          </Space>
          {mayCreate && (
            <Button type="primary" onClick={() => setEditing({ rule: null })} data-testid="add-rule">
              {t('add')}
            </Button>
          )}
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {overall && (
        <Typography.Paragraph data-testid="acceptance-overall">
          {overall.dispatches
            ? t('acceptanceOverall', {
                n: overall.dispatches,
                k: overall.followed,
                rate: percent(overall.rate),
              })
            : t('noDispatches')}
        </Typography.Paragraph>
      )}
      {rules.error ? <ErrorAlert error={rules.error} onRetry={() => rules.refetch()} /> : null}
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <Table<Rule>
        rowKey="id"
        size="middle"
        loading={rules.isPending}
        dataSource={rules.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('category'), key: 'category', render: (_, r) => categoryName(r.categoryCode) },
          { title: t('area'), key: 'area', render: (_, r) => r.area?.name ?? t('wholeDistrict') },
          { title: t('lead'), key: 'lead', render: (_, r) => dept(r.lead) },
          { title: t('cooperating'), key: 'co', render: (_, r) => depts(r.cooperating) },
          {
            title: t('catalogue'),
            key: 'catalogue',
            render: (_, r) => (
              <Typography.Text type="secondary">
                {dept(r.catalogueLead)}
                {r.catalogueCooperating.length ? ` + ${depts(r.catalogueCooperating)}` : ''}
              </Typography.Text>
            ),
          },
          {
            title: t('version'),
            key: 'version',
            render: (_, r) => (
              <>
                v{r.version} {r.retiredAt && <Tag>{t('retired')}</Tag>}
              </>
            ),
          },
          {
            title: t('acceptance'),
            key: 'acceptance',
            render: (_, r) => {
              const a = byRule.get(r.id);
              return a ? `${percent(a.rate)} (${a.followed}/${a.dispatches})` : '—';
            },
          },
          {
            title: '',
            key: 'actions',
            render: (_, r) =>
              r.retiredAt ? null : (
                <Space>
                  {mayReplace && (
                    <Button size="small" onClick={() => setEditing({ rule: r })}>
                      {t('replace')}
                    </Button>
                  )}
                  {mayRetire && (
                    <Popconfirm
                      title={t('retireConfirm')}
                      okText={t('retire')}
                      cancelText={t('cancel')}
                      onConfirm={() => save.mutateAsync({ id: r.id })}
                    >
                      <Button size="small" danger>
                        {t('retire')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <RuleForm rule={editing?.rule ?? null} open={editing !== null} onClose={() => setEditing(null)} />
    </div>
  );
}
