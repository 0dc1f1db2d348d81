import { Checkbox } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { EnumSelect } from '../../../components/EnumSelect';
import { FilterTag } from '../../../components/FilterTag';
import { ListPage } from '../../../components/ListPage';
import { useI18n } from '../../../i18n';
import { useAreaHref } from '../../../lib/use-area';
import { useListState } from '../../../lib/use-list-state';
import { useRecordLabel } from '../../../lib/use-record-label';
import { useEnterprises } from '../api/get-enterprises';
import { enterpriseColumns } from '../components/enterprise-columns';
import { LICENCE_STATUSES } from '../types';

const FILTERS = ['licenceStatus', 'hazardousChemicals', 'addressId'] as const;

export function EnterpriseListRoute() {
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const href = useAreaHref();
  const { filters, setFilters, paging, params } = useListState(FILTERS);
  const query = useEnterprises(params);
  const addressLabel = useRecordLabel<{ fullText: string }>(
    'addresses',
    filters.addressId,
    (a) => a.fullText,
  );
  const columns = useMemo(() => enterpriseColumns(t, tx), [t, tx]);

  return (
    <ListPage
      title={t('list.enterprises')}
      search={{ placeholder: t('list.searchEnterprises'), q: filters.q, onSearch: (q) => setFilters({ q }) }}
      filters={
        <>
          <EnumSelect
            group="licenceStatus"
            values={LICENCE_STATUSES}
            label={t('field.licenceStatus')}
            value={filters.licenceStatus}
            onChange={(licenceStatus) => setFilters({ licenceStatus })}
            testId="filter-licence"
          />
          <Checkbox
            checked={filters.hazardousChemicals === 'true'}
            onChange={(e) => setFilters({ hazardousChemicals: e.target.checked ? 'true' : undefined })}
            data-testid="filter-hazardous"
          >
            {t('list.hazardousOnly')}
          </Checkbox>
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
      onRowClick={(row) => navigate(href(`/enterprises/${row.id}`))}
    />
  );
}
