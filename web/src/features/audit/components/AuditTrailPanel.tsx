import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { PagedTable } from '../../../components/PagedTable';
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

  return (
    <PagedTable<AuditEntry>
      filters={<AuditFilters filters={filters} setFilters={setFilters} />}
      query={query}
      paging={paging}
      size="small"
      columns={columns}
      onRow={(r) => (ALERT_ACTIONS.has(r.action) ? { style: ALERT_ROW_STYLE, 'data-alert': 'true' } : {})}
      // Fixed widths (details are cut with an ellipsis); below this width the table scrolls sideways.
      scroll={{ x: 1100 }}
      data-testid="audit-table"
    />
  );
}
