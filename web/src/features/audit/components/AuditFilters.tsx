import { DatePicker, Input } from 'antd';
import dayjs from 'dayjs';
import { EnumSelect } from '../../../components/EnumSelect';
import { useI18n } from '../../../i18n';
import { AUDIT_ACTIONS, type AuditFilters as Filters, OBJECT_TYPES } from '../types';

interface Props {
  filters: Filters;
  setFilters: (changes: Partial<Filters>) => void;
}

const DAY = 'YYYY-MM-DD';

/** Actor, action, object and date filters of the audit log; each change restarts paging (URL state). */
export function AuditFilters({ filters, setFilters }: Props) {
  const { t } = useI18n();
  const range =
    filters.from && filters.to ? ([dayjs(filters.from, DAY), dayjs(filters.to, DAY)] as const) : null;
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
      <DatePicker.RangePicker
        value={range ? [range[0], range[1]] : null}
        onChange={(dates) => setFilters({ from: dates?.[0]?.format(DAY), to: dates?.[1]?.format(DAY) })}
        prefix={`${t('audit.dateRange')}:`}
        data-testid="filter-dates"
      />
    </>
  );
}
