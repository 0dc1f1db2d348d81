import { Input, Typography } from 'antd';
import { useState } from 'react';

interface Props {
  value: string | undefined;
  label: string;
  placeholder: string;
  /** Shown when the text is not an id; nothing is sent then. */
  invalidMessage: string;
  onChange: (id: string | undefined) => void;
  width: number;
  testId: string;
}

const MAX_ID = 2147483647;

/** `31`, `#31` or an actor label `account:31:grid001` → `31`; anything else is not an id. */
export function parseId(text: string): string | null {
  const m = /^(?:#|account:)?(\d{1,10})(?::.*)?$/.exec(text.trim());
  const n = m ? Number(m[1]) : Number.NaN;
  return n >= 1 && n <= MAX_ID ? String(n) : null;
}

/** A search box for a numeric id: refuses other text on the spot instead of sending it to the API. */
export function IdSearch({ value, label, placeholder, invalidMessage, onChange, width, testId }: Props) {
  const [invalid, setInvalid] = useState(false);
  return (
    <>
      <Input.Search
        key={`${testId}-${value ?? ''}`}
        defaultValue={value}
        prefix={`${label}:`}
        placeholder={placeholder}
        allowClear
        status={invalid ? 'error' : undefined}
        onChange={() => setInvalid(false)}
        onSearch={(text) => {
          if (!text.trim()) return onChange(undefined);
          const id = parseId(text);
          setInvalid(id === null);
          if (id !== null) onChange(id);
        }}
        style={{ width }}
        data-testid={testId}
      />
      {invalid && (
        <Typography.Text type="danger" role="alert" data-testid={`${testId}-invalid`}>
          {invalidMessage}
        </Typography.Text>
      )}
    </>
  );
}
