import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { EnumSelect } from '../../../components/EnumSelect';
import { FilterTag } from '../../../components/FilterTag';
import { ListPage } from '../../../components/ListPage';
import { useI18n } from '../../../i18n';
import { useAreaHref } from '../../../lib/use-area';
import { useListState } from '../../../lib/use-list-state';
import { useRecordLabel } from '../../../lib/use-record-label';
import { useHouses } from '../api/get-houses';
import { houseColumns } from '../components/house-columns';
import { HOUSE_USES } from '../types';

const FILTERS = ['use', 'addressId'] as const;

export function HouseListRoute() {
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const href = useAreaHref();
  const { filters, setFilters, paging, params } = useListState(FILTERS);
  const query = useHouses(params);
  const addressLabel = useRecordLabel<{ fullText: string }>(
    'addresses',
    filters.addressId,
    (a) => a.fullText,
  );
  const columns = useMemo(() => houseColumns(t, tx), [t, tx]);

  return (
    <ListPage
      title={t('list.houses')}
      search={{ placeholder: t('list.searchHouses'), q: filters.q, onSearch: (q) => setFilters({ q }) }}
      filters={
        <>
          <EnumSelect
            group="use"
            values={HOUSE_USES}
            label={t('field.use')}
            value={filters.use}
            onChange={(use) => setFilters({ use })}
            testId="filter-use"
          />
          {filters.addressId && (
            <FilterTag
              label={
                addressLabel
                  ? t('list.atAddress', { text: addressLabel })
                  : t('list.filterAddress', { id: filters.addressId })
              }
              onClose={() => setFilters({ addressId: undefined })}
            />
          )}
        </>
      }
      columns={columns}
      query={query}
      paging={paging}
      onRowClick={(row) => navigate(href(`/houses/${row.id}`))}
    />
  );
}
