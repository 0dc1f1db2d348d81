import { App, Button, Card, Form, Skeleton, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { RegistryResource } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { type MessageKey, useI18n } from '../../../i18n';
import { ApiError } from '../../../lib/api-client';
import { useAreaHref, useSelectedArea } from '../../../lib/use-area';
import { useRegistryRecord, useRegistryWrite } from '../api/queries';
import { FormInput } from '../components/FormInput';
import { headingOf } from '../components/show-value';
import type { FormField } from '../description';
import { describe } from '../descriptions';
import { fieldError, initialValues, requestBody, type Values } from '../form-values';

/** Create (`/<resource>/new`) or edit (`/<resource>/:id/edit`) any registry record, from its description. */
export function RegistryFormRoute({ resource }: { resource: RegistryResource }) {
  const description = describe(resource);
  const { id } = useParams();
  const { t } = useI18n();
  const href = useAreaHref();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [context] = useSearchParams();
  const area = useSelectedArea();
  const record = useRegistryRecord(resource, id);
  const write = useRegistryWrite(resource);
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<unknown>(null);
  const editing = id !== undefined;
  const entity = t(`entity.${resource}`);
  const ready = !editing || record.isSuccess;
  const initial = useMemo(
    () => (ready ? initialValues(description.form, record.data, context, area.code) : {}),
    [ready, description, record.data, context, area.code],
  );
  const backHref = href(editing ? `/${resource}/${id}` : `/${resource}`);

  const submit = async (values: Values) => {
    setRefusal(null);
    const body = requestBody(description.form, values, initial, record.data);
    if (editing && Object.keys(body).length === 0) return void message.info(t('form.unchanged'));
    try {
      const saved = editing
        ? await write.update.mutateAsync({ id: Number(id), body })
        : await write.create.mutateAsync(body);
      message.success(t(editing ? 'form.saved' : 'form.created'));
      navigate(href(`/${resource}/${saved.id}`));
    } catch (error) {
      const duplicate = (label: MessageKey) => t('records.error.duplicate', { entity, field: t(label) });
      const atField = error instanceof ApiError ? fieldError(description.form, error, duplicate) : null;
      if (atField) {
        form.setFields([{ name: atField.key, errors: [atField.message] }]);
        form.scrollToField(atField.key, { block: 'center', focus: true });
      } else setRefusal(error);
    }
  };

  return (
    <Card
      title={
        <div style={{ whiteSpace: 'normal', paddingBlock: 8 }}>
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }} data-testid="form-heading">
            {t(editing ? 'form.edit' : 'form.create', { entity })}
          </Typography.Title>
          {record.data && (
            <Typography.Text type="secondary">{headingOf(description, record.data)}</Typography.Text>
          )}
        </div>
      }
    >
      {record.isError && <ErrorAlert error={record.error} onRetry={() => record.refetch()} />}
      {!ready && !record.isError && <Skeleton active paragraph={{ rows: 6 }} />}
      {ready && (
        <Form
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={submit}
          style={{ maxWidth: 640 }}
          scrollToFirstError={{ block: 'center', focus: true }}
          data-testid="record-form"
        >
          {description.form.map((field) => (
            <Form.Item
              key={field.key}
              name={field.key}
              label={t(field.label)}
              rules={requiredRule(field, editing, t('form.required', { field: t(field.label) }))}
              extra={formHelp(field, editing, t)}
            >
              <FormInput field={field} />
            </Form.Item>
          ))}
          {refusal !== null && (
            <div style={{ marginBottom: 16 }}>
              <ErrorAlert error={refusal} />
            </div>
          )}
          <Space>
            <Button
              type="primary"
              htmlType="submit"
              loading={write.create.isPending || write.update.isPending}
              data-testid="form-submit"
            >
              {t('form.save')}
            </Button>
            <LinkButton to={backHref}>{t('form.cancel')}</LinkButton>
          </Space>
        </Form>
      )}
    </Card>
  );
}

/** The form asks only for what is required; every other rule is the server's, shown at the field it names. */
const requiredRule = (field: FormField<string>, editing: boolean, message: string) =>
  field.required && !(editing && field.personal) ? [{ required: true, message }] : [];

function formHelp(field: FormField<string>, editing: boolean, t: ReturnType<typeof useI18n>['t']) {
  if (editing && field.personal) return t('form.keepPersonal');
  return field.help ? t(field.help) : undefined;
}
