import { Checkbox, Segmented, Select } from 'antd';
import { useNavigate } from 'react-router';
import { CATEGORIES, EVENT_KINDS } from '../../../../../core/events/catalogue';
import { EVENT_STATES } from '../../../../../core/events/workflow';
import { ListPage } from '../../../components/ListPage';
import { enumLabel } from '../../../i18n';
import { useSelectedArea } from '../../../lib/use-area';
import { useCursorPaging } from '../../../lib/use-cursor-paging';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useEventsPage } from '../api/list-events';
import type { EventSummary, ListFilters } from '../api/types';
import { type EventsSort, eventCard, eventColumns, SORT_OF_COLUMN } from '../components/EventColumns';
import { EventsMap } from '../components/EventsMap';
import { type EventsKey, useEventsI18n } from '../i18n';

const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
const KEYS = ['state', 'kind', 'category', 'urgency', 'overdue', 'sort', 'order', 'view'] as const;
const SORTS = ['created', 'due', 'urgency'] as const;

/** 事件列表: every event the caller may see in the selected area, filtered, paged; a table, cards or a map. */
export function EventsListRoute() {
  const i18n = useEventsI18n();
  const { t, tx, lang } = i18n;
  const navigate = useNavigate();
  const area = useSelectedArea();
  const [f, setF] = useUrlFilters(KEYS);
  const sort: EventsSort = {
    ...(SORTS.find((k) => k === f.sort) ? { sort: f.sort as EventsSort['sort'] } : {}),
    ...(f.order === 'asc' ? { order: 'asc' as const } : {}),
  };
  const filters: ListFilters = {
    ...(f.state ? { state: f.state as ListFilters['state'] } : {}),
    ...(f.kind ? { kind: f.kind as ListFilters['kind'] } : {}),
    ...(f.category ? { categoryCode: f.category } : {}),
    ...(f.urgency ? { urgency: f.urgency as ListFilters['urgency'] } : {}),
    ...(f.overdue === '1' ? { overdue: true } : {}),
    ...sort,
    ...(area.code ? { area: area.code } : {}),
    // The map shows a whole page of up to 100: the list's items carry their points.
    limit: f.view === 'map' ? 100 : 20,
  };
  const paging = useCursorPaging(JSON.stringify(filters));
  const query = useEventsPage({ ...filters, ...(paging.cursor ? { cursor: paging.cursor } : {}) });
  const select = (
    key: (typeof KEYS)[number],
    label: EventsKey,
    options: { value: string; label: string }[],
  ) => (
    <Select
      allowClear
      placeholder={t(label)}
      aria-label={t(label)}
      value={f[key]}
      onChange={(v: string | undefined) => setF({ [key]: v })}
      options={options}
      style={{ minWidth: 140 }}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid={`filter-${key}`}
    />
  );
  const active = KEYS.filter((k) => k !== 'view' && k !== 'sort' && k !== 'order' && f[k]).length;

  return (
    <ListPage<EventSummary>
      title={t('events.list.title')}
      activeFilters={active}
      actions={
        <Segmented
          value={f.view === 'map' ? 'map' : 'list'}
          onChange={(v) => setF({ view: v === 'map' ? 'map' : undefined })}
          options={[
            { value: 'list', label: t('events.list.asList') },
            { value: 'map', label: t('events.list.asMap') },
          ]}
          data-testid="events-view"
        />
      }
      filters={
        <>
          {select(
            'state',
            'events.list.state',
            EVENT_STATES.map((s) => ({ value: s, label: enumLabel(tx, 'eventState', s) })),
          )}
          {select(
            'kind',
            'events.list.kind',
            EVENT_KINDS.map((k) => ({ value: k, label: enumLabel(tx, 'eventKind', k) })),
          )}
          {select(
            'category',
            'events.list.category',
            CATEGORIES.filter((c) => !c.retired).map((c) => ({
              value: c.code,
              label: `${c.code} ${lang === 'en' ? c.name.en : c.name.zh}`,
            })),
          )}
          {select(
            'urgency',
            'events.list.urgency',
            URGENCIES.map((u) => ({ value: u, label: enumLabel(tx, 'eventUrgency', u) })),
          )}
          <Checkbox
            checked={f.overdue === '1'}
            onChange={(e) => setF({ overdue: e.target.checked ? '1' : undefined })}
            data-testid="filter-overdue"
          >
            {t('events.list.overdueOnly')}
          </Checkbox>
        </>
      }
      notice={f.view === 'map' && query.data ? <EventsMap items={query.data.items} /> : undefined}
      columns={eventColumns(i18n, sort)}
      query={query}
      paging={paging}
      card={(e) => eventCard(i18n, e)}
      empty={t('events.list.empty')}
      onRowClick={(e) => navigate(`/events/${e.id}`)}
      onSort={(key, order) =>
        setF({
          sort: order && key ? SORT_OF_COLUMN[key as keyof typeof SORT_OF_COLUMN] : undefined,
          order: order === 'ascend' ? 'asc' : undefined,
        })
      }
    />
  );
}
