import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { EnumSelect } from '../../../components/EnumSelect';
import { FilterTag } from '../../../components/FilterTag';
import { ListPage } from '../../../components/ListPage';
import { useI18n } from '../../../i18n';
import { useAreaHref } from '../../../lib/use-area';
import { useListState } from '../../../lib/use-list-state';
import { useRecordLabel } from '../../../lib/use-record-label';
import { useResidents } from '../api/get-residents';
import { residentColumns } from '../components/resident-columns';
import { HOUSEHOLD_TYPES, SEXES } from '../types';

const FILTERS = ['householdType', 'sex', 'houseId'] as const;

export function ResidentListRoute() {
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const href = useAreaHref();
  const { filters, setFilters, paging, params } = useListState(FILTERS);
  const query = useResidents(params);
  const houseLabel = useRecordLabel<{ address: string; unit: string }>(
    'houses',
    filters.houseId,
    (h) => `${h.address} ${h.unit}`,
  );
  const columns = useMemo(() => residentColumns(t, tx), [t, tx]);

  return (
    <ListPage
      title={t('list.residents')}
      search={{ placeholder: t('list.searchResidents'), q: filters.q, onSearch: (q) => setFilters({ q }) }}
      filters={
        <>
          <EnumSelect
            group="householdType"
            values={HOUSEHOLD_TYPES}
            label={t('field.householdType')}
            value={filters.householdType}
            onChange={(householdType) => setFilters({ householdType })}
            testId="filter-household-type"
          />
          <EnumSelect
            group="sex"
            values={SEXES}
            label={t('field.sex')}
            value={filters.sex}
            onChange={(sex) => setFilters({ sex })}
            testId="filter-sex"
          />
          {filters.houseId && (
            <FilterTag
              label={
                houseLabel
                  ? t('list.inHouse', { text: houseLabel })
                  : t('list.filterHouse', { id: filters.houseId })
              }
              onClose={() => setFilters({ houseId: undefined })}
            />
          )}
        </>
      }
      columns={columns}
      query={query}
      paging={paging}
      onRowClick={(row) => navigate(href(`/residents/${row.id}`))}
    />
  );
}
