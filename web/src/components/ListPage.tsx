import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Input, Space, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { Page } from '../lib/registry-api';
import { useSelectedArea } from '../lib/use-area';
import type { CursorPaging } from '../lib/use-cursor-paging';
import { ErrorAlert } from './ErrorAlert';
import { PagedTable } from './PagedTable';

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
      <PagedTable<T>
        filters={
          <>
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
          </>
        }
        notice={
          Boolean(area.error) && (
            <div style={{ marginBottom: 16 }}>
              <ErrorAlert error={area.error} />
            </div>
          )
        }
        query={query}
        paging={paging}
        size="middle"
        columns={columns}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ onClick: () => onRowClick(row), style: { cursor: 'pointer' } })}
        onChange={(_pagination, _filters, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          onSort?.(one?.columnKey === undefined ? undefined : String(one.columnKey), one?.order ?? undefined);
        }}
      />
    </Card>
  );
}
