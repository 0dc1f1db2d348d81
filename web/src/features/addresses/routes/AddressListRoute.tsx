import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { ListPage } from '../../../components/ListPage';
import { useI18n } from '../../../i18n';
import { useAreaHref } from '../../../lib/use-area';
import { useListState } from '../../../lib/use-list-state';
import { useAddresses } from '../api/get-addresses';
import { addressColumns } from '../components/address-columns';

export function AddressListRoute() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const href = useAreaHref();
  const { filters, setFilters, paging, params } = useListState([]);
  const query = useAddresses(params);
  const columns = useMemo(() => addressColumns(t), [t]);

  return (
    <ListPage
      title={t('list.addresses')}
      search={{ placeholder: t('list.searchAddresses'), q: filters.q, onSearch: (q) => setFilters({ q }) }}
      columns={columns}
      query={query}
      paging={paging}
      onRowClick={(row) => navigate(href(`/addresses/${row.id}`))}
    />
  );
}
