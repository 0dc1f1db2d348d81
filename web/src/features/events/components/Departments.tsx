import { Table, Tag } from 'antd';
import { enumLabel } from '../../../i18n';
import type { EventView } from '../api/types';
import { useEventsI18n } from '../i18n';

/** The departments an event was dispatched to: lead first, each with its state and feedback. */
export function Departments({ assignments }: { assignments: EventView['assignments'] }) {
  const { t, tx } = useEventsI18n();
  return (
    <Table
      size="small"
      rowKey={(a) => `${a.departmentCode}-${a.role}`}
      pagination={false}
      dataSource={assignments}
      data-testid="event-departments"
      columns={[
        { key: 'name', title: t('events.page.departments'), dataIndex: 'departmentName' },
        {
          key: 'role',
          title: '',
          render: (_, a) =>
            a.role === 'lead' ? (
              <Tag color="blue">{t('events.page.lead')}</Tag>
            ) : (
              <Tag>{t('events.page.cooperating')}</Tag>
            ),
        },
        {
          key: 'state',
          title: t('events.list.state'),
          render: (_, a) => enumLabel(tx, 'assignmentState', a.state),
        },
        { key: 'feedback', title: t('events.page.feedback'), render: (_, a) => a.feedback ?? '—' },
      ]}
    />
  );
}
