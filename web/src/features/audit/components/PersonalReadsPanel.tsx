import { Alert } from 'antd';
import { useMemo } from 'react';
import { PagedTable } from '../../../components/PagedTable';
import { useI18n } from '../../../i18n';
import { useCursorPaging } from '../../../lib/use-cursor-paging';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { readsParams, usePersonalReads } from '../api/get-reads';
import { type PersonalRead, READS_FILTERS } from '../types';
import { ReadRecordIds } from './ReadRecordIds';
import { ReadsFilters } from './ReadsFilters';
import { readColumns } from './read-columns';

/** Who listed, opened or searched which people: filters in the URL, keyset paging, ids on expanding a row. */
export function PersonalReadsPanel() {
  const { t, tx } = useI18n();
  const [filters, setFilters] = useUrlFilters(READS_FILTERS);
  const paging = useCursorPaging(JSON.stringify(filters));
  const params = useMemo(() => readsParams(filters, paging.cursor), [filters, paging.cursor]);
  const query = usePersonalReads(params);
  const columns = useMemo(
    () => readColumns(t, tx, (accountId) => setFilters({ accountId })),
    [t, tx, setFilters],
  );

  return (
    <>
      <Alert type="info" showIcon title={t('audit.reads.intro')} style={{ marginBottom: 16 }} />
      <PagedTable<PersonalRead>
        filters={<ReadsFilters filters={filters} setFilters={setFilters} />}
        query={query}
        paging={paging}
        size="small"
        columns={columns}
        expandable={{
          rowExpandable: (r) => r.recordIds.length > 0,
          expandedRowRender: (r) => (
            <ReadRecordIds read={r} onRecord={(entity, recordId) => setFilters({ entity, recordId })} />
          ),
        }}
        scroll={{ x: 840 }}
        data-testid="reads-table"
      />
    </>
  );
}
