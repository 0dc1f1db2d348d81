import { App, Button, Card, Checkbox, Form, Input, Radio, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { EVENT_KINDS, type EventKind } from '../../../../../core/events/catalogue';
import { enumLabel } from '../../../i18n';
import { ApiError } from '../../../lib/api-client';
import { useSelectedArea } from '../../../lib/use-area';
import { useReportEvent } from '../api/report-event';
import type { ReportBody } from '../api/types';
import { CategoryFields, rememberCategory } from '../components/CategoryFields';
import { DuplicateOffer } from '../components/DuplicateOffer';
import { PlaceField, type Point } from '../components/PlaceField';
import { RecordPicker } from '../components/RecordPicker';
import { type EventsKey, useEventsI18n } from '../i18n';

const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
const SOURCES = ['patrol', 'resident', 'hotline', 'external'] as const;

interface Values {
  kind: EventKind;
  category?: string;
  subCategory?: string;
  title: string;
  description?: string;
  urgency: (typeof URGENCIES)[number];
  source: (typeof SOURCES)[number];
  addressText?: string;
  houseId?: number;
  residentId?: number;
  enterpriseId?: number;
  reporterName?: string;
  reporterPhone?: string;
  anonymous?: boolean;
}

/** The form's field a server refusal names (`categoryCode`, `lat`…), so the message shows beside it. */
const FIELD_OF: Record<string, keyof Values | 'place'> = {
  categoryCode: 'category',
  lat: 'place',
  lng: 'place',
  addressId: 'place',
};
const newKey = () =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** 上报事件: a grid worker's report from the street, one event per form however often it is sent. */
export function ReportRoute() {
  const { t, tx } = useEventsI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const area = useSelectedArea();
  const [form] = Form.useForm<Values>();
  // One key per form: a double tap or a resend after a lost answer creates one event.
  const key = useRef(newKey());
  const report = useReportEvent(key.current);
  const sending = useRef(false);
  const [point, setPoint] = useState<Point | null>(null);
  const [addressId, setAddressId] = useState<number | undefined>();
  const [placeError, setPlaceError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'hazard';
  const category = Form.useWatch('category', form);
  const subCategory = Form.useWatch('subCategory', form);
  const source = Form.useWatch('source', form);

  const submit = async (values: Values) => {
    // A second tap while the first is on its way would only repeat the same answer.
    if (sending.current) return;
    if (!point) {
      setPlaceError(t('events.report.placeMissing'));
      return;
    }
    const categoryCode = values.subCategory ?? values.category!;
    const body: ReportBody = {
      kind: values.kind,
      categoryCode,
      title: values.title.trim(),
      ...(values.description?.trim() ? { description: values.description.trim() } : {}),
      lat: point.lat,
      lng: point.lng,
      urgency: values.urgency,
      source: values.source,
      ...(values.addressText?.trim() ? { addressText: values.addressText.trim() } : {}),
      ...(addressId ? { addressId } : {}),
      ...(values.houseId ? { houseId: values.houseId } : {}),
      ...(values.residentId ? { residentId: values.residentId } : {}),
      ...(values.enterpriseId ? { enterpriseId: values.enterpriseId } : {}),
      ...(values.reporterName?.trim() ? { reporterName: values.reporterName.trim() } : {}),
      ...(values.reporterPhone?.trim() ? { reporterPhone: values.reporterPhone.trim() } : {}),
      ...(values.anonymous ? { anonymous: true } : {}),
    };
    sending.current = true;
    try {
      const event = await report.mutateAsync(body);
      rememberCategory(categoryCode);
      message.success(t('events.report.done', { number: event.number }));
      navigate(`/events/${event.id}`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const named = error.field?.split(/[./]/).pop() ?? '';
      const field = FIELD_OF[named] ?? (named in form.getFieldsValue(true) ? (named as keyof Values) : null);
      // Beside its field the message needs no "urgency：" in front.
      const preamble = error.message.match(/^[^：:]*[：:]\s*/)?.[0] ?? '';
      const text = named && preamble.includes(named) ? error.message.slice(preamble.length) : error.message;
      if (field === 'place') setPlaceError(text);
      else if (field) form.setFields([{ name: field, errors: [text] }]);
      else message.error(error.message);
    } finally {
      sending.current = false;
    }
  };

  const required = (label: EventsKey) => [
    { required: true, message: t('events.report.required', { field: t(label) }) },
  ];

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('events.report.title')}
        </Typography.Title>
      }
      styles={{ body: { padding: 12 } }}
      style={{ maxWidth: 860 }}
    >
      <Typography.Paragraph type="secondary">{t('events.report.intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'hazard', urgency: 'normal', source: 'patrol' }}
        onFinish={submit}
        onValuesChange={(changed) => {
          if ('kind' in changed) form.setFieldsValue({ category: undefined, subCategory: undefined });
          if ('category' in changed) form.setFieldsValue({ subCategory: undefined });
        }}
        data-testid="event-report-form"
      >
        <Form.Item name="kind" label={t('events.report.kind')}>
          <Radio.Group
            optionType="button"
            options={EVENT_KINDS.map((k) => ({ value: k, label: enumLabel(tx, 'eventKind', k) }))}
            data-testid="input-kind"
          />
        </Form.Item>
        <CategoryFields kind={kind} category={category} />
        <Form.Item
          name="title"
          label={t('events.report.title.field')}
          rules={required('events.report.title.field')}
        >
          <Input maxLength={200} data-testid="input-title" />
        </Form.Item>
        <Form.Item name="description" label={t('events.report.description')}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="input-description" />
        </Form.Item>
        <Form.Item label={t('events.report.place')} required>
          <PlaceField
            point={point}
            onPoint={(p) => {
              setPoint(p);
              setPlaceError(null);
            }}
            addressId={addressId}
            onAddress={(id) => setAddressId(id)}
            error={placeError}
          />
        </Form.Item>
        <DuplicateOffer category={subCategory ?? category} point={point} />
        <Form.Item name="addressText" label={t('events.report.addressText')}>
          <Input maxLength={200} data-testid="input-addressText" />
        </Form.Item>
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
            gap: '0 16px',
          }}
        >
          <Form.Item name="urgency" label={t('events.report.urgency')}>
            <Select
              options={URGENCIES.map((u) => ({ value: u, label: enumLabel(tx, 'eventUrgency', u) }))}
              data-testid="input-urgency"
            />
          </Form.Item>
          <Form.Item name="source" label={t('events.report.source')}>
            <Select
              options={SOURCES.map((s) => ({ value: s, label: enumLabel(tx, 'eventSource', s) }))}
              data-testid="input-source"
            />
          </Form.Item>
        </div>
        {(source === 'resident' || source === 'hotline') && (
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
              gap: '0 16px',
            }}
          >
            <Form.Item name="reporterName" label={t('events.report.reporterName')}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="reporterPhone" label={t('events.report.reporterPhone')}>
              <Input maxLength={20} inputMode="tel" />
            </Form.Item>
            <Form.Item name="anonymous" valuePropName="checked" label=" ">
              <Checkbox>{t('events.report.anonymous')}</Checkbox>
            </Form.Item>
          </div>
        )}
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('events.report.links')}
        </Typography.Title>
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
            gap: '0 16px',
          }}
        >
          <Form.Item name="houseId" label={t('events.report.house')}>
            <RecordPicker resource="houses" area={area.code} testId="input-houseId" />
          </Form.Item>
          <Form.Item name="residentId" label={t('events.report.resident')}>
            <RecordPicker resource="residents" area={area.code} testId="input-residentId" />
          </Form.Item>
          <Form.Item name="enterpriseId" label={t('events.report.enterprise')}>
            <RecordPicker resource="enterprises" area={area.code} testId="input-enterpriseId" />
          </Form.Item>
        </div>
        <Typography.Paragraph type="secondary">{t('events.report.photosLater')}</Typography.Paragraph>
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={report.isPending}
          data-testid="report-submit"
        >
          {t('events.report.submit')}
        </Button>
      </Form>
    </Card>
  );
}
