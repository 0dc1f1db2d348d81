import { Checkbox, Input, InputNumber, Select } from 'antd';
import { enumLabel, useI18n } from '../../../i18n';
import type { FormField } from '../description';
import { AreaInput } from './AreaInput';
import { ReferencePicker } from './ReferencePicker';

interface Props {
  field: FormField<string>;
  value?: unknown;
  onChange?: (value: unknown) => void;
  /** From Form.Item: ties the label to the control. */
  id?: string;
}

/** The input a form field declares; antd's Form.Item passes value and onChange. */
export function FormInput({ field, value, onChange, id }: Props) {
  const { t, tx } = useI18n();
  const testId = `input-${field.key}`;
  switch (field.input) {
    case 'reference':
      return (
        <ReferencePicker
          id={id}
          resource={field.resource}
          value={value as number | null | undefined}
          onChange={onChange}
          testId={testId}
        />
      );
    case 'area':
      return <AreaInput id={id} value={value as string | null} onChange={onChange} testId={testId} />;
    case 'number':
      return (
        <InputNumber
          value={value as number | null | undefined}
          onChange={(v) => onChange?.(v ?? undefined)}
          id={id}
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
          id={id}
          mode={field.input === 'tags' ? 'multiple' : undefined}
          allowClear
          options={field.values.map((v) => ({ value: v, label: enumLabel(tx, field.group, v) }))}
          data-testid={testId}
        />
      );
    case 'flag':
      return (
        <Checkbox
          id={id}
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
          id={id}
          type={field.input === 'date' ? 'date' : 'text'}
          value={(value as string | null | undefined) ?? ''}
          onChange={(e) => onChange?.(e.target.value)}
          data-testid={testId}
        />
      );
  }
}
