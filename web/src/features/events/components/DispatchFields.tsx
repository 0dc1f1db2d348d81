import { Alert, Form, Select, Tag } from 'antd';
import { findCategory, topLevelOf } from '../../../../../core/events/catalogue';
import { useDepartments } from '../api/get-departments';
import { useEventsI18n } from '../i18n';
import { categoryLabel } from '../labels';

/** The routing suggestion of a category: its own, else its parent's lead and co-operating departments. */
export function suggestionFor(categoryCode: string): { lead: string; cooperating: string[] } | null {
  const category = findCategory(categoryCode) ?? topLevelOf(categoryCode);
  if (!category) return null;
  return { lead: category.leadDepartment, cooperating: [...category.coDepartments] };
}

/** 派遣: the lead department and the co-operating ones, pre-filled with the suggestion and marked as such. */
export function DispatchFields({ categoryCode }: { categoryCode: string }) {
  const { t, lang } = useEventsI18n();
  const departments = useDepartments(true);
  const suggestion = suggestionFor(categoryCode);
  const suggested = new Set(suggestion ? [suggestion.lead, ...suggestion.cooperating] : []);
  const options = (departments.data ?? []).map((d) => ({
    value: d.code,
    label: d.name,
    suggested: suggested.has(d.code),
  }));
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
  return (
    <>
      {suggestion && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('events.dispatch.suggestion', { category: categoryLabel(categoryCode, lang) })}
          data-testid="dispatch-suggestion"
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
