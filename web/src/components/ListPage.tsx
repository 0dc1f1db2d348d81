import type { UseQueryResult } from '@tanstack/react-query';
import { Badge, Button, Card, Grid, Input, Space, type TableColumnsType, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n';
import type { Page } from '../lib/registry-api';
import { useSelectedArea } from '../lib/use-area';
import { CardList } from './CardList';
import type { CursorPager } from './CursorPager';
import { ErrorAlert } from './ErrorAlert';
import { PagedTable } from './PagedTable';

type PagerProps = React.ComponentProps<typeof CursorPager>;

interface Props<T extends { id: number }> {
  title: string;
  /** Omitted for entities the API cannot search by text. */
  search?: { placeholder: string; q: string | undefined; onSearch: (q: string) => void };
  /** Filter controls; on a phone they fold behind a "filters" button. */
  filters?: ReactNode;
  /** How many filters are set (shown on the folded button). */
  activeFilters?: number;
  /** Buttons beside the title (e.g. "new", "export"). */
  actions?: ReactNode;
  /** Shown above the list (e.g. why it went back to page 1). */
  notice?: ReactNode;
  columns: TableColumnsType<T>;
  query: UseQueryResult<Page<T>>;
  paging: PagerProps['paging'];
  pageSize?: PagerProps['pageSize'];
  /** A phone's card for a row (heading link, key fields, address). */
  card: (row: T) => { heading: ReactNode; lines: ReactNode[] };
  /** What an empty list says. */
  empty?: ReactNode;
  onRowClick: (row: T) => void;
  /** A sortable column's header was clicked: sort by that column's key (undefined order: unsorted). */
  onSort?: (key: string | undefined, order: 'ascend' | 'descend' | undefined) => void;
}

/** The common frame of every registry list: title, search, filters, table (cards on a phone), pager. */
export function ListPage<T extends { id: number }>(props: Props<T>) {
  const { title, search, filters, actions, columns, query, paging, onRowClick, onSort } = props;
  const { t } = useI18n();
  const area = useSelectedArea();
  const phone = !Grid.useBreakpoint().md;
  const [filtersOpen, setFiltersOpen] = useState(false);
  const active = props.activeFilters ?? 0;

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {title}
        </Typography.Title>
      }
      extra={!phone && <Space wrap>{actions}</Space>}
      styles={phone ? { body: { padding: 12 } } : undefined}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('list.inArea', { area: area.path.map((n) => n.name).join(' / ') || '—' })}
      </Typography.Paragraph>
      {phone && actions && (
        <Space wrap style={{ marginBottom: 12 }}>
          {actions}
        </Space>
      )}
      <PagedTable<T>
        filters={
          <>
            {search && (
              <Input.Search
                key={search.q ?? ''}
                defaultValue={search.q}
                placeholder={search.placeholder}
                aria-label={search.placeholder}
                allowClear
                enterButton={t('common.search')}
                onSearch={(value) => search.onSearch(value.trim())}
                style={{ width: phone ? 'calc(100vw - 80px)' : 420, maxWidth: '100%' }}
                data-testid="list-search"
              />
            )}
            {phone && filters ? (
              <Badge count={active} size="small">
                <Button
                  onClick={() => setFiltersOpen(!filtersOpen)}
                  aria-expanded={filtersOpen}
                  data-testid="filters-toggle"
                >
                  {t('lists.filters')}
                </Button>
              </Badge>
            ) : (
              filters
            )}
            {phone && filtersOpen && <Space wrap>{filters}</Space>}
          </>
        }
        notice={
          <>
            {props.notice}
            {Boolean(area.error) && (
              <div style={{ marginBottom: 16 }}>
                <ErrorAlert error={area.error} />
              </div>
            )}
          </>
        }
        query={query}
        paging={paging}
        pageSize={props.pageSize}
        empty={props.empty}
        cards={
          phone ? (items) => <CardList items={items} card={props.card} busy={query.isFetching} /> : undefined
        }
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
