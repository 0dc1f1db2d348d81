import { Checkbox, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { RegistryResource } from '../../../api/types';
import { enumLabel, useI18n } from '../../../i18n';
import { useRegistryRecord } from '../api/queries';
import type { FormField } from '../description';
import { describe } from '../descriptions';
import { headingOf } from './show-value';

interface Props {
  field: FormField<string>;
  value?: unknown;
  onChange?: (value: unknown) => void;
}

/** The input a form field declares; antd's Form.Item passes value and onChange. */
export function FormInput({ field, value, onChange }: Props) {
  const { t, tx } = useI18n();
  const testId = `input-${field.key}`;
  switch (field.input) {
    case 'reference':
      return (
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          <InputNumber
            value={value as number | null | undefined}
            onChange={(v) => onChange?.(v ?? undefined)}
            precision={0}
            style={{ width: '100%' }}
            data-testid={testId}
          />
          <ReferenceName resource={field.resource} id={value} />
        </Space>
      );
    case 'number':
      return (
        <InputNumber
          value={value as number | null | undefined}
          onChange={(v) => onChange?.(v ?? undefined)}
          precision={field.integer ? 0 : undefined}
          style={{ width: '100%' }}
          data-testid={testId}
        />
      );
    case 'enum':
    case 'tags':
      return (
        <Select
          value={value as string | string[] | undefined}
          onChange={(v) => onChange?.(v)}
          mode={field.input === 'tags' ? 'multiple' : undefined}
          allowClear
          options={field.values.map((v) => ({ value: v, label: enumLabel(tx, field.group, v) }))}
          data-testid={testId}
        />
      );
    case 'flag':
      return (
        <Checkbox
          checked={Boolean(value)}
          onChange={(e) => onChange?.(e.target.checked)}
          data-testid={testId}
        >
          {t('common.yes')}
        </Checkbox>
      );
    default:
      return (
        <Input
          type={field.input === 'date' ? 'date' : 'text'}
          value={(value as string | null | undefined) ?? ''}
          onChange={(e) => onChange?.(e.target.value)}
          data-testid={testId}
        />
      );
  }
}

/** The record a reference names (its address, name…), so that a person sees what the number points at. */
function ReferenceName({ resource, id }: { resource: RegistryResource; id: unknown }) {
  const valid = typeof id === 'number' && id > 0;
  const record = useRegistryRecord(resource, valid ? String(id) : undefined, true);
  const name = headingOf(describe(resource), record.data);
  if (!valid || !name) return null;
  return (
    <Typography.Text type="secondary" data-testid="reference-name">
      {name}
    </Typography.Text>
  );
}
