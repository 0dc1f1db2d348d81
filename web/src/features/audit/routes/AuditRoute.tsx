import { Card, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { CursorPager } from '../../../components/CursorPager';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n';
import { useCursorPaging } from '../../../lib/use-cursor-paging';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { auditParams, useAuditLog } from '../api/get-audit';
import { AuditFilters } from '../components/AuditFilters';
import { auditColumns } from '../components/audit-columns';
import { VerifyChain } from '../components/VerifyChain';
import { AUDIT_FILTERS, type AuditEntry } from '../types';

/** The audit trail (auditors only): filters in the URL, keyset paging, chain verification. */
export function AuditRoute() {
  const { t, tx } = useI18n();
  const [filters, setFilters] = useUrlFilters(AUDIT_FILTERS);
  const paging = useCursorPaging(JSON.stringify(filters));
  const params = useMemo(() => auditParams(filters, paging.cursor), [filters, paging.cursor]);
  const query = useAuditLog(params);
  const columns = useMemo(() => auditColumns(t, tx, (actor) => setFilters({ actor })), [t, tx, setFilters]);
  const items = query.data?.items ?? [];

  return (
    <Card
      title={
        <Space>
          <span>{t('audit.title')}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {t('audit.newestFirst')}
          </Typography.Text>
        </Space>
      }
      extra={<VerifyChain />}
      data-testid="audit-page"
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <AuditFilters filters={filters} setFilters={setFilters} />
      </Space>
      {query.isError && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
        </div>
      )}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={query.isFetching}
        pagination={false}
        tableLayout="fixed"
        // Fixed widths (details are cut with an ellipsis); below this width the table scrolls sideways.
        scroll={{ x: 1100 }}
        data-testid="audit-table"
      />
      <CursorPager
        paging={paging}
        nextCursor={query.data?.nextCursor}
        rows={items.length}
        busy={query.isFetching}
      />
    </Card>
  );
}
