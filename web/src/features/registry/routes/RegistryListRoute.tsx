import { Button } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import type { RegistryResource } from '../../../api/types';
import { areaColumns } from '../../../components/area-columns';
import { ListPage } from '../../../components/ListPage';
import { useI18n } from '../../../i18n';
import { allows, useCan, usePermissions } from '../../../lib/permissions';
import { useAreaHref } from '../../../lib/use-area';
import { useListState } from '../../../lib/use-list-state';
import { type Shape, useRegistryList } from '../api/queries';
import { ListFilters } from '../components/ListFilters';
import { showValue } from '../components/show-value';
import { describe } from '../descriptions';

/** The list of any registry entity: search, filters and columns as its description declares. */
export function RegistryListRoute({ resource }: { resource: RegistryResource }) {
  const description = describe(resource);
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const href = useAreaHref();
  const permissions = usePermissions();
  const filterKeys = useMemo(
    () => [...description.filters.map((f) => f.key), 'sort', 'order'],
    [description],
  );
  const { filters, setFilters, paging, params } = useListState(filterKeys);
  const query = useRegistryList(resource, params);
  const canCreate = useCan(resource, 'create');

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
        render: (_: unknown, record: Shape) => showValue(shown, record, ctx),
        ...(description.sortable.includes(shown.key) && {
          sorter: true,
          sortOrder: filters.sort === shown.key ? sortOrder(filters.order) : null,
        }),
      })),
      ...areaColumns<Shape>(t),
    ];
  }, [description, t, tx, href, resource, permissions, filters.sort, filters.order]);

  // A new record made from a filtered list starts under the same parent (e.g. a house at this address).
  const parents = Object.fromEntries(
    description.filters.flatMap((f) =>
      f.kind === 'parent' && filters[f.key] ? [[f.key, filters[f.key]!]] : [],
    ),
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
      filters={<ListFilters filters={description.filters} values={filters} onChange={setFilters} />}
      actions={
        canCreate && (
          <Link to={href(`/${resource}/new`, parents)}>
            <Button type="primary" data-testid="record-create">
              {t('form.new')}
            </Button>
          </Link>
        )
      }
      columns={columns}
      query={query}
      paging={paging}
      onRowClick={(row) => navigate(href(`/${resource}/${row.id}`))}
      onSort={(key, order) =>
        setFilters({ sort: order && key, order: order === 'descend' ? 'desc' : undefined })
      }
    />
  );
}

const sortOrder = (order: string | undefined) =>
  order === 'desc' ? ('descend' as const) : ('ascend' as const);
