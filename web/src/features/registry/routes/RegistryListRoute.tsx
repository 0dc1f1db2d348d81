import { Alert, Button } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { RegistryResource } from '../../../api/types';
import { areaColumns } from '../../../components/area-columns';
import { ListPage } from '../../../components/ListPage';
import { useI18n } from '../../../i18n';
import { ApiError } from '../../../lib/api-client';
import { allows, useCan, usePermissions } from '../../../lib/permissions';
import { PAGE_SIZES, registryExportUrl } from '../../../lib/registry-api';
import { useAreaHref } from '../../../lib/use-area';
import { rememberListUrl, useListState } from '../../../lib/use-list-state';
import { type Shape, useRegistryList } from '../api/queries';
import { EmptyList } from '../components/EmptyList';
import { ListFilters, WithinFilter } from '../components/ListFilters';
import { headingOf, showValue } from '../components/show-value';
import { describe } from '../descriptions';

/** The list of any registry entity: search, filters and columns as its description declares. */
export function RegistryListRoute({ resource }: { resource: RegistryResource }) {
  const description = describe(resource);
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const href = useAreaHref();
  const permissions = usePermissions();
  const filterKeys = useMemo(
    () => [...description.filters.map((f) => f.key), 'within', 'sort', 'order'],
    [description],
  );
  const state = useListState(filterKeys);
  const { area, filters, setFilters, paging, params } = state;
  const query = useRegistryList(resource, params);
  const canCreate = useCan(resource, 'create');
  const canExport = useCan(resource, 'export');
  const [staleCursor, setStaleCursor] = useState(false);
  const detailHref = (row: Shape) => href(`/${resource}/${row.id}`);

  useEffect(() => rememberListUrl(location.pathname, location.search), [location.pathname, location.search]);
  // A cursor from another list, an old link or an altered URL: start the list over and say why (once per
  // refusal: each navigation re-renders, and repeating it would restart the navigation for ever).
  const cursorRefused = query.error instanceof ApiError && query.error.code === 'invalid_cursor';
  const handledRefusal = useRef(0);
  useEffect(() => {
    if (!cursorRefused || handledRefusal.current === query.errorUpdatedAt) return;
    handledRefusal.current = query.errorUpdatedAt;
    setStaleCursor(true);
    paging.first();
  }, [cursorRefused, query.errorUpdatedAt, paging.first]);

  const headingKey = description.columns.find((c) => description.heading.includes(c.key))?.key;
  const columns = useMemo(() => {
    const ctx = {
      t,
      tx,
      href,
      resource,
      inList: true,
      canRead: (r: RegistryResource) => allows(permissions, r, 'read'),
    };
    return [
      ...description.columns.map((shown) => ({
        key: shown.key,
        title: t(shown.label),
        width: shown.width,
        ellipsis: shown.kind === 'text' && (shown.width ?? 0) >= 180,
        align: shown.kind === 'number' ? ('right' as const) : undefined,
        // The heading cell is a real link: every row opens with the keyboard (Tab, Enter).
        render: (_: unknown, record: Shape) =>
          shown.key === headingKey ? (
            <Link to={href(`/${resource}/${record.id}`)} onClick={(e) => e.stopPropagation()}>
              {String(record[shown.key] ?? '') || t('lists.unnamed')}
            </Link>
          ) : (
            showValue(shown, record, ctx)
          ),
        ...(description.sortable.includes(shown.key) && {
          sorter: true,
          sortOrder: filters.sort === shown.key ? sortOrder(filters.order) : null,
        }),
      })),
      ...areaColumns<Shape>(t),
    ];
  }, [description, t, tx, href, resource, permissions, filters.sort, filters.order, headingKey]);

  // A new record made from a filtered list starts under the same parent (e.g. a house at this address).
  const parents = Object.fromEntries(
    description.filters.flatMap((f) =>
      f.kind === 'parent' && filters[f.key] ? [[f.key, filters[f.key]!]] : [],
    ),
  );
  const activeFilters = [...description.filters.map((f) => f.key), 'within'].filter((k) => filters[k]).length;
  const cardShown = description.columns.filter(
    (c) => !description.heading.includes(c.key) && c.key !== 'address' && c.key !== 'houseLabel',
  );

  return (
    <ListPage<Shape>
      title={t(`list.${resource}`)}
      search={
        description.search && {
          placeholder: t(description.search),
          q: filters.q,
          onSearch: (q) => setFilters({ q }),
        }
      }
      activeFilters={activeFilters}
      filters={
        <>
          <WithinFilter
            area={area.node}
            value={filters.within}
            onChange={(within) => setFilters({ within })}
          />
          <ListFilters filters={description.filters} values={filters} onChange={setFilters} />
        </>
      }
      notice={
        staleCursor && (
          <Alert
            type="info"
            showIcon
            closable
            onClose={() => setStaleCursor(false)}
            message={t('lists.staleCursor')}
            style={{ marginBottom: 12 }}
            data-testid="stale-cursor"
          />
        )
      }
      actions={
        <>
          {canExport && params && (
            <>
              <Button href={registryExportUrl(resource, params, 'xlsx')} download data-testid="export-xlsx">
                {t('lists.exportXlsx')}
              </Button>
              <Button href={registryExportUrl(resource, params, 'csv')} download data-testid="export-csv">
                {t('lists.exportCsv')}
              </Button>
            </>
          )}
          {canCreate && (
            <Button
              type="primary"
              onClick={() => navigate(href(`/${resource}/new`, parents))}
              data-testid="record-create"
            >
              {t('form.new')}
            </Button>
          )}
        </>
      }
      columns={columns}
      query={query}
      paging={paging}
      pageSize={{ value: state.pageSize, options: PAGE_SIZES, onChange: state.setPageSize }}
      empty={
        <EmptyList
          entity={t(`entity.${resource}`)}
          q={filters.q}
          filtered={activeFilters > 0}
          onClear={() =>
            setFilters(
              Object.fromEntries(
                [...description.filters.map((f) => f.key), 'within'].map((k) => [k, undefined]),
              ),
            )
          }
        />
      }
      card={(row) => ({
        heading: <Link to={detailHref(row)}>{headingOf(description, row) || t('lists.unnamed')}</Link>,
        lines: [
          cardShown
            .slice(0, 3)
            .map((c) => showValue(c, row, { t, tx, href, resource, inList: true, canRead: () => false }))
            .flatMap((v, i) => (i ? [' · ', v] : [v])),
          ...(description.heading.includes('address')
            ? []
            : [String(row.address ?? row.houseLabel ?? '')].filter(Boolean)),
          [row.area.community, row.area.grid].filter(Boolean).join(' · '),
        ],
      })}
      onRowClick={(row) => navigate(detailHref(row))}
      onSort={(key, order) =>
        setFilters({ sort: order && key, order: order === 'descend' ? 'desc' : undefined })
      }
    />
  );
}

const sortOrder = (order: string | undefined) =>
  order === 'desc' ? ('descend' as const) : ('ascend' as const);
