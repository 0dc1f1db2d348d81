import { Button, DatePicker, Descriptions, Form, Input, Space, Spin, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ApiError } from '../../../lib/api-client';
import { type OrderShape, useOrder, useOrderAction } from '../api';
import { useWords } from '../words';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');
type Action = OrderShape['allowedActions'][number];

/** One supervision order: its event, what it chases, the answer, and only the actions allowed now. */
export function OrderRoute() {
  const w = useWords();
  const id = Number(useParams().id);
  const order = useOrder(id);
  const act = useOrderAction(id);
  const [open, setOpen] = useState<Action | null>(null);
  const o = order.data;
  if (order.error) return <ErrorAlert error={order.error} onRetry={() => void order.refetch()} />;
  if (!o) return <Spin />;

  const submit = (values: { answer?: string; finishBy?: Dayjs; reason?: string }) => {
    if (!open) return;
    const body: Record<string, unknown> = { version: o.version };
    if (open === 'answer')
      Object.assign(body, { answer: values.answer, finishBy: values.finishBy?.toISOString() });
    if (open === 'send_back') body.reason = values.reason;
    act.mutate({ action: open, body }, { onSuccess: () => setOpen(null) });
  };
  const conflict = act.error instanceof ApiError && act.error.status === 409;

  return (
    <div style={{ maxWidth: 820 }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {w('title')} #{o.id} <Tag>{w(`state.${o.state}`)}</Tag>
        {o.overdue && <Tag color="red">{w('overdue')}</Tag>}
      </Typography.Title>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={w('event')}>
          <Link to={`/events/${o.eventId}`}>{`${o.eventNumber} ${o.eventTitle}`}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={w('step')}>{o.step}</Descriptions.Item>
        <Descriptions.Item label={w('responsible')}>
          {o.departmentName ?? o.responsibleAreaName}
        </Descriptions.Item>
        <Descriptions.Item label={w('issuer')}>{o.issuer}</Descriptions.Item>
        <Descriptions.Item label={w('reason')}>{o.reason}</Descriptions.Item>
        <Descriptions.Item label={w('dueAt')}>{when(o.dueAt)}</Descriptions.Item>
        {o.answer && <Descriptions.Item label={w('answer')}>{o.answer}</Descriptions.Item>}
        {o.finishBy && <Descriptions.Item label={w('finishBy')}>{when(o.finishBy)}</Descriptions.Item>}
        {o.sentBackReason && <Descriptions.Item label={w('sentBack')}>{o.sentBackReason}</Descriptions.Item>}
        {o.closeReason && (
          <Descriptions.Item label={w('closeReason')}>{w(`close.${o.closeReason}`)}</Descriptions.Item>
        )}
      </Descriptions>
      {act.error &&
        (conflict ? (
          <Typography.Paragraph type="warning">{w('conflict')}</Typography.Paragraph>
        ) : (
          <ErrorAlert error={act.error} />
        ))}
      <Space style={{ marginTop: 16 }} wrap>
        {o.allowedActions.map((a) =>
          a === 'close' ? (
            <Button
              key={a}
              type="primary"
              loading={act.isPending}
              onClick={() => act.mutate({ action: a, body: { version: o.version } })}
            >
              {w('action.close')}
            </Button>
          ) : (
            <Button key={a} onClick={() => setOpen(a)}>
              {w(`action.${a}`)}
            </Button>
          ),
        )}
      </Space>
      {open && (
        <Form layout="vertical" onFinish={submit} style={{ marginTop: 16 }}>
          {open === 'answer' ? (
            <>
              <Form.Item name="answer" label={w('answer')} rules={[{ required: true, max: 2000 }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="finishBy" label={w('finishBy')} rules={[{ required: true }]}>
                <DatePicker showTime />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="reason" label={w('sentBack')} rules={[{ required: true, max: 1000 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={act.isPending}>
            {w('submit')}
          </Button>
        </Form>
      )}
    </div>
  );
}
