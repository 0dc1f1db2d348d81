import { Button, Card, Empty, Grid, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n';
import { useCan } from '../../../lib/permissions';
import { useUrlFilters } from '../../../lib/use-url-filters';
import {
  type Account,
  type AccountFilters,
  exportUrl,
  useAccountOptions,
  useAccounts,
} from '../api/accounts';
import { AccountsFilters } from '../components/AccountsFilters';
import { placeOf, roleOf, StatusTags, when } from '../components/account-labels';
import { ImportDialog } from '../components/ImportDialog';

const FILTER_KEYS = ['q', 'role', 'area', 'department', 'disabled'] as const;

/** The accounts the administrator manages: search, filters (in the URL), pages, and the bulk actions. */
export function AccountsListRoute() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().md;
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const filterKey = JSON.stringify(filters);
  // Cursors of the pages before this one; a change of filters starts again at the first page.
  const [pages, setPages] = useState<{ key: string; cursors: (string | null)[] }>({
    key: filterKey,
    cursors: [null],
  });
  const cursors = pages.key === filterKey ? pages.cursors : [null];
  const list = useAccounts(filters as AccountFilters, cursors.at(-1) ?? null);
  const options = useAccountOptions();
  const [importing, setImporting] = useState(false);
  const mayCreate = useCan('accounts', 'create');
  const mayExport = useCan('accounts', 'export');
  const items = list.data?.items ?? [];

  const columns = useMemo(
    () => [
      {
        title: t('accounts.username'),
        dataIndex: 'username',
        render: (u: string, a: Account) => <Link to={`/accounts/${a.id}`}>{u}</Link>,
      },
      { title: t('accounts.displayName'), dataIndex: 'displayName' },
      { title: t('accounts.role'), render: (_: unknown, a: Account) => roleOf(a, lang) },
      {
        title: `${t('accounts.area')} / ${t('accounts.department')}`,
        render: (_: unknown, a: Account) => placeOf(a),
      },
      {
        title: t('accounts.lastLogin'),
        render: (_: unknown, a: Account) => when(a.lastLoginAt) ?? t('accounts.never'),
      },
      {
        title: t('accounts.totp'),
        render: (_: unknown, a: Account) => (a.totpEnrolled ? t('accounts.totp.on') : t('accounts.totp.off')),
      },
      { title: t('accounts.status'), render: (_: unknown, a: Account) => <StatusTags account={a} t={t} /> },
    ],
    [t, lang],
  );

  const actions = (
    <Space wrap>
      {mayCreate && (
        <Button type="primary" onClick={() => navigate('/accounts/new')} data-testid="account-new">
          {t('accounts.new')}
        </Button>
      )}
      {mayCreate && (
        <Button onClick={() => setImporting(true)} data-testid="account-import">
          {t('accounts.import')}
        </Button>
      )}
      {mayExport && (
        <Button href={exportUrl(filters)} data-testid="account-export">
          {t('accounts.export')}
        </Button>
      )}
    </Space>
  );

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          {t('accounts.title')}
        </Typography.Title>
      }
      extra={phone ? null : actions}
      styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 } }}
      data-testid="accounts-page"
    >
      {phone && <div style={{ marginBottom: 12 }}>{actions}</div>}
      <AccountsFilters filters={filters} options={options.data} onChange={setFilters} />
      {list.isError && <ErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      <Typography.Paragraph type="secondary" role="status" data-testid="account-total">
        {list.data ? t('accounts.total', { n: list.data.total }) : ' '}
      </Typography.Paragraph>
      {phone ? (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-busy={list.isFetching}>
          {items.length === 0 && !list.isFetching && <Empty description={t('accounts.empty')} />}
          {items.map((a) => (
            <li key={a.id} style={{ borderBottom: '1px solid #f0f0f0', padding: '10px 0' }}>
              <Link to={`/accounts/${a.id}`} style={{ display: 'block' }} data-testid="account-card">
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Typography.Text strong>
                    {a.displayName} · {a.username}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {roleOf(a, lang)} · {placeOf(a)}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {t('accounts.lastLogin')}：{when(a.lastLoginAt) ?? t('accounts.never')}
                  </Typography.Text>
                  <div>
                    <StatusTags account={a} t={t} />
                  </div>
                </Space>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <Table<Account>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={items}
          columns={columns}
          pagination={false}
          locale={{ emptyText: <Empty description={t('accounts.empty')} /> }}
          onRow={(a) => ({ onDoubleClick: () => navigate(`/accounts/${a.id}`) })}
          data-testid="accounts-table"
        />
      )}
      <Space style={{ marginTop: 12 }}>
        <Button
          disabled={cursors.length < 2}
          onClick={() => setPages({ key: filterKey, cursors: cursors.slice(0, -1) })}
        >
          {t('accounts.prev')}
        </Button>
        <Button
          disabled={!list.data?.nextCursor}
          onClick={() => setPages({ key: filterKey, cursors: [...cursors, list.data?.nextCursor ?? null] })}
          data-testid="account-next"
        >
          {t('accounts.next')}
        </Button>
      </Space>
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}
