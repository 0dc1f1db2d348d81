import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useI18n } from '../i18n';
import type { Reveal } from '../lib/reveal';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  open: boolean;
  /** Label of the field to reveal. */
  label: string;
  reveal: Reveal;
  onClose: () => void;
}

/** As the server: at least 4 characters, two of them letters (the reason goes into the audit trail). */
const REASON_MIN = 4;
const REASON_MAX = 200;

function ReasonForm({ reveal, onClose }: Pick<Props, 'reveal' | 'onClose'>) {
  const { t } = useI18n();
  const submit = async ({ reason }: { reason: string }) => {
    try {
      // One line: the server refuses control characters, and a line break is one.
      await reveal.reveal(reason.replace(/\s+/g, ' ').trim());
      onClose();
    } catch {
      // reveal.error holds the API's answer, shown above the form
    }
  };
  return (
    <Form<{ reason: string }>
      layout="vertical"
      requiredMark={false}
      onFinish={submit}
      data-testid="reveal-form"
    >
      <Alert type="warning" showIcon title={t('reveal.notice')} style={{ marginBottom: 16 }} />
      {reveal.error && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={reveal.error} />
        </div>
      )}
      <Form.Item
        name="reason"
        label={t('reveal.reason')}
        rules={[
          {
            validator: (_, value: string | undefined) => {
              const text = (value ?? '').trim();
              const letters = text.match(/\p{L}/gu)?.length ?? 0;
              return text.length >= REASON_MIN && text.length <= REASON_MAX && letters >= 2
                ? Promise.resolve()
                : Promise.reject(new Error(t('reveal.reasonRule', { min: REASON_MIN, max: REASON_MAX })));
            },
          },
        ]}
      >
        <Input.TextArea
          autoFocus
          rows={3}
          maxLength={REASON_MAX}
          showCount
          placeholder={t('reveal.reasonPlaceholder')}
          data-testid="reveal-reason"
        />
      </Form.Item>
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onClose}>{t('reveal.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={reveal.isPending} data-testid="reveal-submit">
          {t('reveal.submit')}
        </Button>
      </Space>
    </Form>
  );
}

/** Asks why a personal value is needed (the server records the reason with who looked and when). */
export function RevealModal({ open, label, reveal, onClose }: Props) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={t('reveal.title', { field: label })}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
    >
      <ReasonForm reveal={reveal} onClose={onClose} />
    </Modal>
  );
}
