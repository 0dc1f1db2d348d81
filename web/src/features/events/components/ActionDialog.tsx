import { type ButtonProps, Form, Input, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import type { EventAction } from '../../../../../core/events/workflow';
import type { ApiError } from '../../../lib/api-client';
import { useDispatchSuggestion } from '../api/get-dispatch-suggestion';
import type { ActionInput } from '../api/take-action';
import type { EventView } from '../api/types';
import { useEventsI18n } from '../i18n';
import { actionLabel, needsReason } from '../labels';
import { DispatchFields, suggestionFor } from './DispatchFields';

/** Actions whose body requires a note (what was done, the feedback). */
const NOTE_REQUIRED: readonly EventAction[] = ['handle', 'feedback', 'complete'];

interface Values {
  reason?: string;
  note?: string;
  lead?: string;
  cooperating?: string[];
  until?: string;
  rating?: number;
  into?: string;
}

interface Props {
  event: EventView;
  action: EventAction | null;
  busy: boolean;
  /** The server's refusal of the last try, shown beside the field it names (or above the form). */
  error: ApiError | null;
  onSubmit: (action: EventAction, body: ActionInput) => void;
  onCancel: () => void;
}

/** The small form of one action: only what that action needs (a reason where the loop asks for one). */
export function ActionDialog({ event, action, busy, error, onSubmit, onCancel }: Props) {
  const { t, lang } = useEventsI18n();
  const [form] = Form.useForm<Values>();

  const fromApi = useDispatchSuggestion(event.id, action === 'dispatch');
  const suggestion = suggestionFor(event.categoryCode, fromApi.data);
  const suggestionKey = JSON.stringify(suggestion);

  useEffect(() => {
    if (!action) return;
    form.resetFields();
  }, [action, form]);

  // The suggestion fills the dispatch fields when the dialog opens, and again if the API's answer arrives after
  // the catalogue's, as long as the dispatcher has not changed them yet.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `suggestionKey` stands for `suggestion`
  useEffect(() => {
    if (action !== 'dispatch' || !suggestion) return;
    if (form.isFieldsTouched(['lead', 'cooperating'])) return;
    form.setFieldsValue(suggestion);
  }, [action, suggestionKey, form]);

  useEffect(() => {
    if (!error?.field || !action) return;
    const name = error.field.split(/[./]/).pop() as keyof Values;
    if (['reason', 'note', 'lead', 'cooperating', 'until', 'rating', 'into'].includes(name))
      form.setFields([{ name, errors: [error.message] }]);
  }, [error, action, form]);

  if (!action) return null;
  const reason = needsReason(action);
  const noteRequired = NOTE_REQUIRED.includes(action);
  const fieldError = error?.field && !['version'].includes(error.field) ? error.field : null;

  const finish = (v: Values) =>
    onSubmit(action, {
      version: event.version,
      ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      ...(v.lead ? { lead: v.lead, cooperating: (v.cooperating ?? []).filter((c) => c !== v.lead) } : {}),
      ...(v.until ? { until: new Date(v.until).toISOString() } : {}),
      ...(v.rating ? { rating: v.rating } : {}),
      ...(v.into ? { into: Number(v.into) } : {}),
    });

  return (
    <Modal
      open
      title={actionLabel(action, lang)}
      okText={t('events.action.confirm')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, 'data-testid': 'action-confirm' } as ButtonProps}
      onCancel={onCancel}
      destroyOnHidden
      width={action === 'dispatch' ? 640 : 520}
      data-testid={`action-dialog-${action}`}
    >
      {error && !fieldError && (
        <p role="alert" style={{ color: '#cf1322' }} data-testid="action-error">
          {error.message}
        </p>
      )}
      <Form<Values> form={form} layout="vertical" onFinish={finish} data-testid="action-form">
        {action === 'dispatch' && (
          <DispatchFields categoryCode={event.categoryCode} suggestion={suggestion} fromApi={fromApi.data} />
        )}
        {reason && (
          <Form.Item
            name="reason"
            label={t('events.action.reason')}
            rules={[{ required: true, whitespace: true, message: t('events.action.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} data-testid="input-reason" />
          </Form.Item>
        )}
        {action === 'ask_extension' && (
          <Form.Item name="until" label={t('events.action.until')} rules={[{ required: true }]}>
            <Input type="datetime-local" data-testid="input-until" />
          </Form.Item>
        )}
        {action === 'rate' && (
          <Form.Item name="rating" label={t('events.action.rating')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }))}
              data-testid="input-rating"
            />
          </Form.Item>
        )}
        {action === 'merge' && (
          <Form.Item name="into" label={t('events.action.into')} rules={[{ required: true }]}>
            <Input inputMode="numeric" data-testid="input-into" />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={t('events.action.note')}
          rules={
            noteRequired
              ? [{ required: true, whitespace: true, message: t('events.action.noteRequired') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="input-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
