import { Form, Input, Select } from 'antd';
import { useI18n } from '../../../i18n';
import type { AreaLevel } from '../../../lib/types';
import type { AccountOptions } from '../api/accounts';
import { AreaLevelSelect } from './AreaLevelSelect';

/** Name, role, and the role's place: an area of the role's level, or a department for department staff. */
export function AccountFields({ options, role }: { options: AccountOptions; role: string | undefined }) {
  const { t, lang } = useI18n();
  const level = (options.roles.find((r) => r.role === role)?.level ?? null) as AreaLevel | null;
  const required = (field: string) => [{ required: true, message: t('accounts.required', { field }) }];
  const roles = options.roles.filter((r) => options.districtWide || r.level !== null);
  return (
    <>
      <Form.Item
        name="displayName"
        label={t('accounts.displayName')}
        rules={[...required(t('accounts.displayName')), { max: 40 }]}
      >
        <Input maxLength={40} data-testid="account-display-name" />
      </Form.Item>
      <Form.Item name="role" label={t('accounts.role')} rules={required(t('accounts.role'))}>
        <Select
          data-testid="account-role"
          options={roles.map((r) => ({ value: r.role, label: lang === 'en' ? r.label.en : r.label.zh }))}
        />
      </Form.Item>
      {role && level && (
        <Form.Item
          name="areaCode"
          label={t('accounts.areaAt', { level: t(`accounts.level.${level}`) })}
          rules={required(t('accounts.area'))}
        >
          <AreaLevelSelect level={level} testId="account-area" />
        </Form.Item>
      )}
      {role === 'department_staff' && (
        <Form.Item
          name="departmentId"
          label={t('accounts.department')}
          rules={required(t('accounts.department'))}
        >
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="account-department"
            options={options.departments.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
      )}
    </>
  );
}
