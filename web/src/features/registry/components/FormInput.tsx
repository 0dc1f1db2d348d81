import { Checkbox, Input, InputNumber, Select } from 'antd';
import { enumLabel, useI18n } from '../../../i18n';
import type { FormField } from '../description';

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
    case 'number':
    case 'reference':
      return (
        <InputNumber
          value={value as number | null | undefined}
          onChange={(v) => onChange?.(v ?? undefined)}
          precision={field.input === 'reference' || field.integer ? 0 : undefined}
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
