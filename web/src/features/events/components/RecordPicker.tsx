import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { apiGet } from '../../../lib/api-client';
import { useEventsI18n } from '../i18n';

export type LinkResource = 'addresses' | 'houses' | 'residents' | 'enterprises';

/** A record as a picker names it; addresses also carry their point (to place the event there). */
export interface PickedRecord {
  id: number;
  label: string;
  lat?: number;
  lng?: number;
}

type Row = Record<string, unknown> & { id: number };
const text = (v: unknown) => (typeof v === 'string' ? v : '');
const HEADING: Record<LinkResource, (r: Row) => string> = {
  addresses: (r) => text(r.fullText),
  houses: (r) => [text(r.address), text(r.unit)].filter(Boolean).join(' '),
  residents: (r) => text(r.name),
  enterprises: (r) => text(r.name),
};

function useSettled(value: string, ms = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

interface Props {
  resource: LinkResource;
  /** The area searched in (the selected area); the API adds the account's scope. */
  area: string | null;
  value?: number;
  onChange?: (value: number | undefined, record?: PickedRecord) => void;
  id?: string;
  testId: string;
}

/** A registry record chosen by typing part of its name or address (the registry's `q` search). */
export function RecordPicker({ resource, area, value, onChange, id, testId }: Props) {
  const { t } = useEventsI18n();
  const [typed, setTyped] = useState('');
  const q = useSettled(typed.trim());
  const [chosen, setChosen] = useState<PickedRecord | null>(null);
  const found = useQuery({
    queryKey: ['registry', resource, 'event-picker', area, q],
    queryFn: ({ signal }) =>
      apiGet<{ items: Row[] }>(`/registry/${resource}`, { area, q: q || undefined, limit: 20 }, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const records: PickedRecord[] = (found.data?.items ?? []).map((r) => ({
    id: r.id,
    label: HEADING[resource](r) || `#${r.id}`,
    ...(typeof r.lat === 'number' && typeof r.lng === 'number' ? { lat: r.lat, lng: r.lng } : {}),
  }));
  const options = records.map((r) => ({ value: r.id, label: r.label }));
  if (value && chosen?.id === value && !options.some((o) => o.value === value))
    options.unshift({ value, label: chosen.label });

  return (
    <Select
      id={id}
      value={value}
      onChange={(v: number | undefined) => {
        const record = records.find((r) => r.id === v);
        setChosen(record ?? null);
        onChange?.(v ?? undefined, record);
      }}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      onOpenChange={(open) => !open && setTyped('')}
      placeholder={t('events.picker.placeholder')}
      notFoundContent={
        found.isFetching || typed.trim() !== q ? <Spin size="small" /> : t('events.picker.noMatch')
      }
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
