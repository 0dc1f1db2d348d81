import { Space, Table } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { CursorPager } from '../../../components/CursorPager';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n';
import { useCursorPaging } from '../../../lib/use-cursor-paging';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { auditParams, useAuditLog } from '../api/get-audit';
import { ALERT_ACTIONS, AUDIT_FILTERS, type AuditEntry } from '../types';
import { AuditFilters } from './AuditFilters';
import { auditColumns } from './audit-columns';

/** Refused reveals and bulk-read alerts are what an auditor is there to find. */
export const ALERT_ROW_STYLE = { background: '#fff1f0' };

/** The hash-chained audit trail: filters in the URL, keyset paging. */
export function AuditTrailPanel() {
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(AUDIT_FILTERS);
  const paging = useCursorPaging(JSON.stringify(filters));
  const params = useMemo(() => auditParams(filters, paging.cursor), [filters, paging.cursor]);
  const query = useAuditLog(params);
  const columns = useMemo(
    () =>
      auditColumns(t, tx, {
        onActor: (actor) => setFilters({ actor }),
        onReads: (search) => navigate(`/audit/reads?${new URLSearchParams(search)}`),
      }),
    [t, tx, setFilters, navigate],
  );
  const items = query.data?.items ?? [];

  return (
    <>
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
        onRow={(r) => (ALERT_ACTIONS.has(r.action) ? { style: ALERT_ROW_STYLE, 'data-alert': 'true' } : {})}
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
    </>
  );
}
