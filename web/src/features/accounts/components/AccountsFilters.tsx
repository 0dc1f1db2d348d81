import { Button, Input, Select, Space } from 'antd';
import { useI18n } from '../../../i18n';
import type { AccountFilters, AccountOptions } from '../api/accounts';
import { AreaLevelSelect } from './AreaLevelSelect';

/** Search and filters of the account list; every value lives in the URL (Back returns to the same list). */
export function AccountsFilters({
  filters,
  options,
  onChange,
}: {
  filters: AccountFilters;
  options: AccountOptions | undefined;
  onChange: (changes: Partial<AccountFilters>) => void;
}) {
  const { t, lang } = useI18n();
  const any = Object.values(filters).some(Boolean);
  const width = { width: '100%', minWidth: 150, maxWidth: 240 };
  return (
    <Space wrap style={{ marginBottom: 12, width: '100%' }} data-testid="account-filters">
      <Input.Search
        key={filters.q ?? ''}
        defaultValue={filters.q}
        placeholder={t('accounts.search')}
        aria-label={t('accounts.search')}
        allowClear
        enterButton
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: 300, maxWidth: '100%' }}
        data-testid="account-search"
      />
      <Select
        allowClear
        placeholder={t('accounts.role')}
        aria-label={t('accounts.role')}
        value={filters.role}
        onChange={(role) => onChange({ role })}
        options={(options?.roles ?? []).map((r) => ({
          value: r.role,
          label: lang === 'en' ? r.label.en : r.label.zh,
        }))}
        style={width}
        data-testid="filter-role"
      />
      <div style={width}>
        <AreaLevelSelect
          level={null}
          value={filters.area}
          onChange={(area) => onChange({ area })}
          testId="filter-area"
        />
      </div>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('accounts.department')}
        aria-label={t('accounts.department')}
        value={filters.department ? Number(filters.department) : undefined}
        onChange={(d?: number) => onChange({ department: d ? String(d) : undefined })}
        options={(options?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
        style={width}
      />
      <Select
        allowClear
        placeholder={t('accounts.status')}
        aria-label={t('accounts.status')}
        value={filters.disabled}
        onChange={(disabled) => onChange({ disabled })}
        options={[
          { value: 'false', label: t('accounts.status.active') },
          { value: 'true', label: t('accounts.status.disabled') },
        ]}
        style={{ width: 120 }}
        data-testid="filter-status"
      />
      {any && (
        <Button
          onClick={() =>
            onChange({
              q: undefined,
              role: undefined,
              area: undefined,
              department: undefined,
              disabled: undefined,
            })
          }
        >
          {t('accounts.clear')}
        </Button>
      )}
    </Space>
  );
}
