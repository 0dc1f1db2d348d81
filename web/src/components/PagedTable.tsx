import type { UseQueryResult } from '@tanstack/react-query';
import { Space, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import type { CursorPaging } from '../lib/use-cursor-paging';
import { CursorPager } from './CursorPager';
import { ErrorAlert } from './ErrorAlert';

type PagedTableProps<T extends { id: number }> = Omit<
  TableProps<T>,
  'rowKey' | 'dataSource' | 'loading' | 'pagination'
> & {
  /** Filter controls above the table. */
  filters: ReactNode;
  /** Shown between the filters and the table (e.g. why the area could not be loaded). */
  notice?: ReactNode;
  query: UseQueryResult<{ items: T[]; nextCursor?: string | null }>;
  paging: CursorPaging;
};

/**
 * The frame every keyset-paged list shares: filters, the query's error with a retry, the rows of the current
 * page and the pager. Other table settings (columns, size, scroll, row events) pass through to antd's Table.
 */
export function PagedTable<T extends { id: number }>(props: PagedTableProps<T>) {
  const { filters, notice, query, paging, ...table } = props;
  const items = query.data?.items ?? [];
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        {filters}
      </Space>
      {notice}
      {query.isError && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
        </div>
      )}
      <Table<T>
        rowKey="id"
        dataSource={items}
        loading={query.isFetching}
        pagination={false}
        tableLayout="fixed"
        {...table}
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
