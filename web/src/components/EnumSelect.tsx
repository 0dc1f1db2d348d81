import { Select } from 'antd';
import { enumLabel, useI18n } from '../i18n';

interface Props {
  /** Enum group in the dictionary (`enum.<group>.<value>`). */
  group: string;
  values: readonly string[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  label: string;
  testId?: string;
}

/** A filter over one enum: "all" plus each translated value. */
export function EnumSelect({ group, values, value, onChange, label, testId }: Props) {
  const { t, tx } = useI18n();
  return (
    <Select
      value={value ?? ''}
      onChange={(v: string) => onChange(v || undefined)}
      style={{ minWidth: 150 }}
      prefix={`${label}:`}
      aria-label={label}
      data-testid={testId}
      options={[
        { value: '', label: t('common.all') },
        ...values.map((v) => ({ value: v, label: enumLabel(tx, group, v) })),
      ]}
    />
  );
}
