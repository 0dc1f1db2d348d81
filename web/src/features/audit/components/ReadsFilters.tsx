import { EnumSelect } from '../../../components/EnumSelect';
import { useI18n } from '../../../i18n';
import { type ReadsFilters as Filters, READ_ENTITIES, READ_KINDS } from '../types';
import { DayRangeFilter } from './DayRangeFilter';
import { IdSearch } from './IdSearch';

interface Props {
  filters: Filters;
  setFilters: (changes: Partial<Filters>) => void;
}

/** Account, entity, record, kind and date filters of the personal-data reads (URL state). */
export function ReadsFilters({ filters, setFilters }: Props) {
  const { t } = useI18n();
  return (
    <>
      <IdSearch
        value={filters.accountId}
        label={t('audit.reads.account')}
        placeholder={t('audit.reads.accountHint')}
        invalidMessage={t('audit.reads.accountInvalid')}
        onChange={(accountId) => setFilters({ accountId })}
        width={250}
        testId="filter-account"
      />
      <EnumSelect
        group="objectType"
        values={READ_ENTITIES}
        label={t('audit.reads.entity')}
        value={filters.entity}
        onChange={(entity) => setFilters({ entity })}
        testId="filter-entity"
      />
      <IdSearch
        value={filters.recordId}
        label={t('audit.reads.record')}
        placeholder={t('audit.objectIdHint')}
        invalidMessage={t('audit.reads.recordInvalid')}
        onChange={(recordId) => setFilters({ recordId })}
        width={190}
        testId="filter-record"
      />
      <EnumSelect
        group="readKind"
        values={READ_KINDS}
        label={t('audit.reads.kind')}
        value={filters.kind}
        onChange={(kind) => setFilters({ kind })}
        testId="filter-kind"
      />
      <DayRangeFilter from={filters.from} to={filters.to} onChange={setFilters} testId="filter-read-dates" />
    </>
  );
}
