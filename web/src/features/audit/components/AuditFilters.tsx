import { Input } from 'antd';
import { EnumSelect } from '../../../components/EnumSelect';
import { useI18n } from '../../../i18n';
import { AUDIT_ACTIONS, type AuditFilters as Filters, OBJECT_TYPES } from '../types';
import { DayRangeFilter } from './DayRangeFilter';

interface Props {
  filters: Filters;
  setFilters: (changes: Partial<Filters>) => void;
}

/** Actor, action, object and date filters of the audit log; each change restarts paging (URL state). */
export function AuditFilters({ filters, setFilters }: Props) {
  const { t } = useI18n();
  return (
    <>
      <Input.Search
        key={`actor-${filters.actor ?? ''}`}
        defaultValue={filters.actor}
        prefix={`${t('audit.actor')}:`}
        placeholder={t('audit.actorFilter')}
        allowClear
        onSearch={(value) => setFilters({ actor: value.trim() || undefined })}
        style={{ width: 280 }}
        data-testid="filter-actor"
      />
      <EnumSelect
        group="auditAction"
        values={AUDIT_ACTIONS}
        label={t('audit.action')}
        value={filters.action}
        onChange={(action) => setFilters({ action })}
        testId="filter-action"
      />
      <EnumSelect
        group="objectType"
        values={OBJECT_TYPES}
        label={t('audit.objectType')}
        value={filters.objectType}
        onChange={(objectType) => setFilters({ objectType })}
        testId="filter-object-type"
      />
      <Input.Search
        key={`object-${filters.objectId ?? ''}`}
        defaultValue={filters.objectId}
        prefix={`${t('audit.objectId')}:`}
        placeholder={t('audit.objectIdHint')}
        allowClear
        onSearch={(value) => setFilters({ objectId: value.trim() || undefined })}
        style={{ width: 190 }}
        data-testid="filter-object-id"
      />
      <DayRangeFilter from={filters.from} to={filters.to} onChange={setFilters} testId="filter-dates" />
    </>
  );
}
