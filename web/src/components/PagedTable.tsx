import type { UseQueryResult } from '@tanstack/react-query';
import { Space, Table, type TableProps } from 'antd';
import { type ComponentProps, type ReactNode, useEffect, useRef } from 'react';
import type { ListTotal } from '../lib/registry-api';
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
  query: UseQueryResult<{ items: T[]; nextCursor?: string | null; total?: ListTotal }>;
  paging: ComponentProps<typeof CursorPager>['paging'];
  pageSize?: ComponentProps<typeof CursorPager>['pageSize'];
  /** Shown instead of the table (a phone's card list); the pager stays. */
  cards?: (items: T[]) => ReactNode;
  /** What an empty page says (why, and what to try). */
  empty?: ReactNode;
};

/**
 * The frame every keyset-paged list shares: filters, the query's error with a retry, the rows of the current
 * page (a table, or cards on a phone) and the pager with the total. Other table settings (columns, size,
 * scroll, row events) pass through to antd's Table.
 */
export function PagedTable<T extends { id: number }>(props: PagedTableProps<T>) {
  const { filters, notice, query, paging, pageSize, cards, empty, ...table } = props;
  const items = query.data?.items ?? [];
  const frame = useRef<HTMLDivElement>(null);
  // A table wider than the window scrolls inside antd's own container, which the keyboard must reach too.
  useEffect(() => {
    for (const el of frame.current?.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body') ??
      []) {
      if (el.scrollWidth > el.clientWidth) el.tabIndex = 0;
      else el.removeAttribute('tabindex');
    }
  });
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
      {/* A phone shows cards, also while the first page loads (a table mounted just for its spinner cost 100 ms). */}
      {cards && !(items.length === 0 && empty && !query.isPending) ? (
        cards(items)
      ) : (
        <div ref={frame}>
          <Table<T>
            rowKey="id"
            dataSource={items}
            loading={query.isFetching}
            pagination={false}
            tableLayout="fixed"
            {...(empty ? { locale: { emptyText: empty } } : {})}
            {...table}
          />
        </div>
      )}
      <CursorPager
        paging={paging}
        nextCursor={query.data?.nextCursor}
        rows={items.length}
        busy={query.isFetching}
        total={query.data?.total}
        pageSize={pageSize}
      />
    </>
  );
}
