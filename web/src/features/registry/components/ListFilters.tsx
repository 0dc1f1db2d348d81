import { Checkbox } from 'antd';
import type { RegistryResource } from '../../../api/types';
import { EnumSelect } from '../../../components/EnumSelect';
import { FilterTag } from '../../../components/FilterTag';
import { type I18n, useI18n } from '../../../i18n';
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

/** The list's filter controls, from its description: enum selects, yes-only checkboxes, parent tags. */
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
