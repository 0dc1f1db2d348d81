import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { RegistryResource } from '../../../api/types';
import { useI18n } from '../../../i18n';
import { apiGet } from '../../../lib/api-client';
import { registryKeys } from '../../../lib/registry-api';
import { useSelectedArea } from '../../../lib/use-area';
import { type Shape, useRegistryRecord } from '../api/queries';
import { describe } from '../descriptions';
import { headingOf } from './show-value';

interface Props {
  resource: RegistryResource;
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  testId: string;
  id?: string;
}

/** What a person typed, once they paused: one request per pause, not per key. */
function useSettled(text: string, ms = 300): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return settled;
}

/**
 * A field that points at another record (a resident's house, a health record's resident), chosen by name or
 * address: typing searches the referenced list (`q`, in the selected area and the account's scope) and the
 * options show headings, never bare ids. The record already chosen is named by its own look-up.
 */
export function ReferencePicker({ resource, value, onChange, testId, id }: Props) {
  const { t } = useI18n();
  const area = useSelectedArea();
  const description = describe(resource);
  const [typed, setTyped] = useState('');
  const q = useSettled(typed.trim());
  const params = { area: area.code ?? undefined, q: q || undefined, limit: 20 };
  const found = useQuery({
    queryKey: [...registryKeys.all(resource), 'picker', params],
    queryFn: ({ signal }) =>
      apiGet<{ items: Shape[] }>(`/registry/${resource}`, { ...params, sort: undefined }, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const chosen = useRegistryRecord(resource, value ? String(value) : undefined, true);
  const options = (found.data?.items ?? []).map((r) => ({
    value: r.id,
    label: headingOf(description, r) || `#${r.id}`,
  }));
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: headingOf(description, chosen.data) || `#${value}` });
  }
  const searching = found.isFetching || typed.trim() !== q;

  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? undefined)}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      onOpenChange={(open) => !open && setTyped('')}
      placeholder={t('records.picker.placeholder')}
      notFoundContent={searching ? <Spin size="small" /> : t('records.picker.noMatch')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
