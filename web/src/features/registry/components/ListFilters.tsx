import { Checkbox, Input, InputNumber, Select } from 'antd';
import type { RegistryResource } from '../../../api/types';
import { EnumSelect } from '../../../components/EnumSelect';
import { FilterTag } from '../../../components/FilterTag';
import { type I18n, useI18n } from '../../../i18n';
import type { AreaNode } from '../../../lib/types';
import { useRegistryRecord } from '../api/queries';
import type { Filter } from '../description';
import { describe } from '../descriptions';
import { headingOf } from './show-value';

type Values = Record<string, string | undefined>;
interface Props {
  filters: readonly Filter<string>[];
  values: Values;
  onChange: (changes: Values) => void;
}

/** The list's filter controls, from its description; every control is labelled for screen readers. */
export function ListFilters({ filters, values, onChange }: Props) {
  const { t } = useI18n();
  return filters.map((filter) => {
    const value = values[filter.key];
    switch (filter.kind) {
      case 'enum':
        return (
          <EnumSelect
            key={filter.key}
            group={filter.group}
            values={filter.values}
            label={t(filter.label)}
            value={value}
            onChange={(v) => onChange({ [filter.key]: v })}
            testId={filter.testId}
          />
        );
      case 'flag':
        return (
          <Checkbox
            key={filter.key}
            checked={value === 'true'}
            onChange={(e) => onChange({ [filter.key]: e.target.checked ? 'true' : undefined })}
            data-testid={filter.testId}
          >
            {t(filter.label)}
          </Checkbox>
        );
      case 'number':
        return (
          <InputNumber
            key={filter.key}
            min={filter.min}
            max={filter.max}
            precision={0}
            value={value === undefined ? null : Number(value)}
            placeholder={t(filter.label)}
            aria-label={t(filter.label)}
            onChange={(v) => onChange({ [filter.key]: v === null ? undefined : String(v) })}
            style={{ width: 110 }}
            data-testid={filter.testId}
          />
        );
      case 'date':
        return (
          <Input
            key={filter.key}
            type="date"
            prefix={`${t(filter.label)}:`}
            aria-label={t(filter.label)}
            value={value ?? ''}
            onChange={(e) => onChange({ [filter.key]: e.target.value || undefined })}
            style={{ width: 260 }}
            data-testid={filter.testId}
          />
        );
      default:
        return value ? (
          <ParentTag
            key={filter.key}
            filter={filter}
            id={value}
            onClose={() => onChange({ [filter.key]: undefined })}
          />
        ) : null;
    }
  });
}

/** The areas below the selected one (its communities and grids, …), for narrowing a list to one of them. */
function areasBelow(node: AreaNode, depth = 0): { value: string; label: string }[] {
  return (node.children ?? []).flatMap((child) => [
    { value: child.code, label: `${'　'.repeat(depth)}${child.name}` },
    ...areasBelow(child, depth + 1),
  ]);
}

/** "Sub-area": one grid (or community) inside the selected area, kept as `within` in the URL. */
export function WithinFilter(props: {
  area: AreaNode | null;
  value: string | undefined;
  onChange: (v?: string) => void;
}) {
  const { t } = useI18n();
  const options = props.area ? areasBelow(props.area) : [];
  if (options.length === 0) return null;
  return (
    <Select
      value={props.value ?? ''}
      onChange={(v: string) => props.onChange(v || undefined)}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ minWidth: 200 }}
      prefix={`${t('lists.within')}:`}
      aria-label={t('lists.within')}
      data-testid="filter-within"
      options={[{ value: '', label: t('lists.withinAll') }, ...options]}
    />
  );
}

/** "Houses at: 黄埔东路 1 号", naming the parent record once it is loaded (its number until then). */
function ParentTag(props: { filter: Filter<string> & { kind: 'parent' }; id: string; onClose: () => void }) {
  const { t } = useI18n();
  const { filter, id } = props;
  const parent = useRegistryRecord(filter.resource, id, true);
  const text = headingOf(describe(filter.resource), parent.data);
  return (
    <FilterTag
      label={text ? t(filter.label, { text }) : parentNumber(t, filter.resource, id)}
      onClose={props.onClose}
    />
  );
}

const parentNumber = (t: I18n['t'], resource: RegistryResource, id: string) =>
  t('list.filterParent', { entity: t(`entity.${resource}`), id });
