import { Alert, Form, Select, Tag } from 'antd';
import { findCategory, topLevelOf } from '../../../../../core/events/catalogue';
import { useDepartments } from '../api/get-departments';
import type { DispatchSuggestion } from '../api/get-dispatch-suggestion';
import { useEventsI18n } from '../i18n';
import { categoryLabel } from '../labels';

export interface Suggestion {
  lead: string;
  cooperating: string[];
}

/**
 * The suggestion to pre-fill: the API's (a routing rule, or the catalogue) when it has answered, else the
 * catalogue's default for the category (its own, or its parent's).
 */
export function suggestionFor(categoryCode: string, fromApi?: DispatchSuggestion): Suggestion | null {
  if (fromApi) return { lead: fromApi.lead, cooperating: [...fromApi.cooperating] };
  const category = findCategory(categoryCode) ?? topLevelOf(categoryCode);
  if (!category) return null;
  return { lead: category.leadDepartment, cooperating: [...category.coDepartments] };
}

interface Props {
  categoryCode: string;
  suggestion: Suggestion | null;
  /** The API's answer, which says whether a routing rule (and for which area) or the catalogue suggested it. */
  fromApi?: DispatchSuggestion;
}

/** 派遣: the lead department and the co-operating ones, pre-filled with the suggestion and marked as such. */
export function DispatchFields({ categoryCode, suggestion, fromApi }: Props) {
  const { t, lang } = useEventsI18n();
  const departments = useDepartments(true);
  const suggested = new Set(suggestion ? [suggestion.lead, ...suggestion.cooperating] : []);
  const options = (departments.data ?? []).map((d) => ({ value: d.code, label: d.name }));
  const render = (option: { value?: unknown; label?: unknown }) => (
    <span>
      {String(option.label ?? option.value)}
      {suggested.has(String(option.value)) && (
        <Tag color="green" style={{ marginInlineStart: 6 }}>
          {t('events.dispatch.suggested')}
        </Tag>
      )}
    </span>
  );
  const rule = fromApi?.source === 'rule';
  return (
    <>
      {suggestion && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            rule
              ? t('events.dispatch.suggestionRule', {
                  category: categoryLabel(categoryCode, lang),
                  area: fromApi?.area?.name ?? '—',
                })
              : t('events.dispatch.suggestion', { category: categoryLabel(categoryCode, lang) })
          }
          data-testid="dispatch-suggestion"
          data-source={fromApi?.source ?? 'catalogue'}
        />
      )}
      <Form.Item
        name="lead"
        label={t('events.dispatch.lead')}
        rules={[{ required: true, message: t('events.dispatch.leadRequired') }]}
      >
        <Select
          options={options}
          loading={departments.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          optionRender={(o) => render(o.data)}
          labelRender={(o) => render(o)}
          data-testid="input-lead"
        />
      </Form.Item>
      <Form.Item name="cooperating" label={t('events.dispatch.cooperating')}>
        <Select
          mode="multiple"
          options={options}
          loading={departments.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          optionRender={(o) => render(o.data)}
          data-testid="input-cooperating"
        />
      </Form.Item>
    </>
  );
}
