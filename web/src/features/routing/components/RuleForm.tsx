import { Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import { CATEGORIES } from '../../../../../core/events/catalogue';
import { ApiError } from '../../../lib/api-client';
import { useAreaTree } from '../../../lib/areas/get-area-tree';
import type { AreaNode } from '../../../lib/types';
import { type Rule, type RuleBody, useDepartmentNames, useSaveRule } from '../api/rules';
import { useRoutingI18n } from '../i18n';

interface Option {
  value: string;
  title: string;
  children: Option[];
}
/** Streets and their communities: the areas a rule may narrow to. */
const streetsAndCommunities = (nodes: AreaNode[]): Option[] =>
  nodes.flatMap((n) =>
    n.level === 'district'
      ? streetsAndCommunities(n.children)
      : n.level === 'street' || n.level === 'community'
        ? [
            {
              value: n.code,
              title: n.name,
              children: n.level === 'street' ? streetsAndCommunities(n.children) : [],
            },
          ]
        : [],
  );

/** Add a rule, or replace one with a new version (`rule` given); the server's refusal shows at its field. */
export function RuleForm({ rule, open, onClose }: { rule: Rule | null; open: boolean; onClose: () => void }) {
  const { t, lang } = useRoutingI18n();
  const [form] = Form.useForm<RuleBody>();
  const save = useSaveRule();
  const tree = useAreaTree();
  const departments = useDepartmentNames();
  const categories = useMemo(
    () =>
      CATEGORIES.filter((c) => !c.retired).map((c) => ({
        value: c.code,
        label: `${c.code} ${lang === 'en' ? c.name.en : c.name.zh}`,
      })),
    [lang],
  );
  const departmentOptions = [...(departments.data ?? new Map()).entries()].map(([value, label]) => ({
    value,
    label,
  }));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (rule)
      form.setFieldsValue({
        categoryCode: rule.categoryCode,
        area: rule.area?.code ?? null,
        lead: rule.lead,
        cooperating: rule.cooperating,
        note: rule.note ?? undefined,
      });
  }, [open, rule, form]);

  const submit = async (values: RuleBody) => {
    const body = { ...values, area: values.area ?? null, cooperating: values.cooperating ?? [] };
    try {
      await save.mutateAsync({ id: rule?.id, body });
      onClose();
    } catch (error) {
      const field = error instanceof ApiError ? error.field : undefined;
      const message = error instanceof Error ? error.message : String(error);
      form.setFields([{ name: (field as keyof RuleBody | undefined) ?? 'categoryCode', errors: [message] }]);
    }
  };

  return (
    <Modal
      open={open}
      title={rule ? `${t('replace')} · ${rule.categoryCode}` : t('add')}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="routing-rule-form">
        <Form.Item name="categoryCode" label={t('category')} rules={[{ required: true }]}>
          <Select
            options={categories}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="input-category"
          />
        </Form.Item>
        <Form.Item name="area" label={t('area')} extra={t('areaHelp')}>
          <TreeSelect
            allowClear
            treeData={streetsAndCommunities(tree.data?.roots ?? [])}
            showSearch
            treeNodeFilterProp="title"
            data-testid="input-area"
          />
        </Form.Item>
        <Form.Item name="lead" label={t('lead')} rules={[{ required: true }]}>
          <Select
            options={departmentOptions}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="input-lead"
          />
        </Form.Item>
        <Form.Item name="cooperating" label={t('cooperating')}>
          <Select
            mode="multiple"
            options={departmentOptions}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="input-cooperating"
          />
        </Form.Item>
        <Form.Item name="note" label={t('note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
