import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Input, Space, Table, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { Page } from '../lib/registry-api';
import { useSelectedArea } from '../lib/use-area';
import type { CursorPaging } from '../lib/use-cursor-paging';
import { CursorPager } from './CursorPager';
import { ErrorAlert } from './ErrorAlert';

interface Props<T extends { id: number }> {
  title: string;
  /** Omitted for entities the API cannot search by text. */
  search?: { placeholder: string; q: string | undefined; onSearch: (q: string) => void };
  /** Extra filter controls shown after the search box. */
  filters?: ReactNode;
  /** Buttons beside the title (e.g. "new"). */
  actions?: ReactNode;
  columns: TableColumnsType<T>;
  query: UseQueryResult<Page<T>>;
  paging: CursorPaging;
  onRowClick: (row: T) => void;
  /** A sortable column's header was clicked: sort by that column's key (undefined order: unsorted). */
  onSort?: (key: string | undefined, order: 'ascend' | 'descend' | undefined) => void;
}

/** The common frame of every registry list: search, filters, table, keyset pager. */
export function ListPage<T extends { id: number }>(props: Props<T>) {
  const { title, search, filters, actions, columns, query, paging, onRowClick, onSort } = props;
  const { t } = useI18n();
  const area = useSelectedArea();
  const items = query.data?.items ?? [];

  return (
    <Card
      title={title}
      extra={
        <Space wrap>
          <Typography.Text type="secondary">
            {t('list.inArea', { area: area.path.map((n) => n.name).join(' / ') || '—' })}
          </Typography.Text>
          {actions}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        {search && (
          <Input.Search
            key={search.q ?? ''}
            defaultValue={search.q}
            placeholder={search.placeholder}
            allowClear
            enterButton={t('common.search')}
            onSearch={(value) => search.onSearch(value.trim())}
            style={{ width: 360 }}
            data-testid="list-search"
          />
        )}
        {filters}
      </Space>
      {Boolean(area.error) && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={area.error} />
        </div>
      )}
      {query.isError && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
        </div>
      )}
      <Table<T>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={query.isFetching}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ onClick: () => onRowClick(row), style: { cursor: 'pointer' } })}
        onChange={(_pagination, _filters, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          onSort?.(one?.columnKey === undefined ? undefined : String(one.columnKey), one?.order ?? undefined);
        }}
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
