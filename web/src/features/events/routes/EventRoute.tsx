import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Row, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { EventAction } from '../../../../../core/events/workflow';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ApiError, apiGet } from '../../../lib/api-client';
import { useClientConfig } from '../../../lib/client-config';
import { useGridBoundaries } from '../api/get-boundaries';
import { useEvent } from '../api/get-event';
import { useGridOf } from '../api/grid-of';
import { type ActionInput, useTakeAction } from '../api/take-action';
import { ActionDialog } from '../components/ActionDialog';
import { Departments } from '../components/Departments';
import { MergedDuplicates } from '../components/DuplicateOffer';
import { EventFacts } from '../components/EventFacts';
import { StepTimeline } from '../components/StepTimeline';
import { useEventsI18n } from '../i18n';
import { actionLabel } from '../labels';

const PlaceMap = lazy(() => import('../components/PlaceMap'));

/** 事件详情: the facts, the place, the departments, every step, and only the actions the caller may take now. */
export function EventRoute() {
  const { t, lang } = useEventsI18n();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const event = useEvent(id);
  const config = useClientConfig();
  const take = useTakeAction(id);
  const [action, setAction] = useState<EventAction | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [stale, setStale] = useState(false);
  const grid = useGridOf(event.data?.gridId);
  const boundaries = useGridBoundaries(grid?.code ?? null);

  if (event.isPending) return <Spin size="large" style={{ display: 'block', padding: 96 }} />;
  if (event.isError) return <ErrorAlert error={event.error} onRetry={() => event.refetch()} />;
  const e = event.data;

  const submit = async (chosen: EventAction, body: ActionInput) => {
    setRefusal(null);
    try {
      await take.mutateAsync({ action: chosen, body });
      message.success(t('events.action.done', { action: actionLabel(chosen, lang) }));
      setAction(null);
      setStale(false);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 409) {
        // Someone acted first (or the state moved on): show why and what can be done now.
        setAction(null);
        setStale(true);
        await event.refetch();
      }
      setRefusal(error);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="event-page">
      <div>
        <Typography.Text type="secondary" data-testid="event-number">
          {e.number}
        </Typography.Text>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {e.title}
        </Typography.Title>
      </div>
      {refusal && !action && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="action-refused"
          // After a 409 the page shows the event as it is now; the server's wording of it would repeat that.
          title={stale ? t('events.page.stale') : refusal.message}
        />
      )}
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('events.page.actions')}</h2>}>
        {e.allowedActions.length === 0 ? (
          <Typography.Text type="secondary" data-testid="no-actions">
            {t('events.page.noActions')}
          </Typography.Text>
        ) : (
          <Space wrap data-testid="event-actions">
            {e.allowedActions.map((a, i) => (
              <Button
                key={a}
                type={i === 0 ? 'primary' : 'default'}
                danger={a === 'void' || a === 'refuse'}
                onClick={() => {
                  setRefusal(null);
                  setStale(false);
                  setAction(a);
                }}
                data-testid={`action-${a}`}
                style={{ minHeight: 40 }}
              >
                {actionLabel(a, lang)}
              </Button>
            ))}
          </Space>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('events.page.facts')}</h2>}>
            <EventFacts event={e} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('events.page.place')}</h2>}>
            <Suspense fallback={<Spin style={{ display: 'block', padding: 48 }} />}>
              <PlaceMap
                grids={boundaries.data?.features ?? []}
                selectedGrid={grid?.code ?? null}
                point={{ lat: e.lat, lng: e.lng }}
                basemap={config.data?.basemap ?? null}
                label={t('events.page.place')}
                height={300}
                testId="event-map"
              />
            </Suspense>
            {grid && (
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="event-grid">
                {grid.path}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
      </Row>
      {e.assignments.length > 0 && (
        <Card
          size="small"
          title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('events.page.departments')}</h2>}
        >
          <Departments assignments={e.assignments} />
        </Card>
      )}
      <SupervisionLine eventId={e.id} lang={lang} />
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('events.page.timeline')}</h2>}>
        <MergedDuplicates items={e.mergedEvents} />
        <StepTimeline steps={e.steps} />
      </Card>
      <ActionDialog
        event={e}
        action={action}
        busy={take.isPending}
        error={action ? refusal : null}
        onSubmit={submit}
        onCancel={() => {
          setAction(null);
          setRefusal(null);
        }}
      />
    </Space>
  );
}

/** The event's supervision orders (督办) I may see, each linking to its page; nothing when there are none. */
function SupervisionLine({ eventId, lang }: { eventId: number; lang: string }) {
  const orders = useQuery({
    queryKey: ['supervision-orders', 'event', eventId],
    queryFn: ({ signal }) =>
      apiGet<{ items: { id: number; state: string; overdue: boolean }[] }>(
        '/supervision-orders',
        { eventId },
        signal,
      ),
  });
  const items = orders.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Typography.Paragraph style={{ margin: 0 }} data-testid="event-supervision">
      {lang === 'en' ? 'Supervision orders: ' : '督办：'}
      {items.map((o, i) => (
        <span key={o.id}>
          {i > 0 && '、'}
          <Link to={`/supervision/${o.id}`} style={{ textDecoration: 'underline' }}>
            {`#${o.id}`}
          </Link>
        </span>
      ))}
    </Typography.Paragraph>
  );
}
