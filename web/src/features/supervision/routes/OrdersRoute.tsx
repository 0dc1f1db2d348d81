import { Empty, Segmented, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { type Box, type OrderShape, useOrders } from '../api';
import { useWords } from '../words';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');

/** Supervision orders (督办): mine to answer, the ones I issued, or all I may see; due dates and overdue marks. */
export function OrdersRoute() {
  const w = useWords();
  const [box, setBox] = useState<Box>('to_answer');
  const [overdue, setOverdue] = useState(false);
  const list = useOrders(box, overdue);
  const items = list.data?.items ?? [];
  return (
    <div style={{ maxWidth: 1100 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {w('title')}
        </Typography.Title>
        <Space wrap>
          <Segmented
            value={box}
            onChange={(v) => setBox(v as Box)}
            options={(['to_answer', 'issued', 'all'] as const).map((b) => ({
              value: b,
              label: w(b === 'to_answer' ? 'toAnswer' : b),
            }))}
          />
          <Space>
            <Switch checked={overdue} onChange={setOverdue} aria-label={w('overdueOnly')} />
            {w('overdueOnly')}
          </Space>
        </Space>
      </Space>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<OrderShape>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={w('empty')} /> }}
        columns={[
          {
            title: w('event'),
            key: 'event',
            render: (_, o) => <Link to={`/supervision/${o.id}`}>{`${o.eventNumber} ${o.eventTitle}`}</Link>,
          },
          {
            title: w('responsible'),
            key: 'unit',
            render: (_, o) => o.departmentName ?? o.responsibleAreaName,
          },
          { title: w('state'), key: 'state', render: (_, o) => <Tag>{w(`state.${o.state}`)}</Tag> },
          {
            title: w('dueAt'),
            key: 'due',
            render: (_, o) => (
              <span
                data-mark={o.overdue ? 'overdue' : undefined}
                style={o.overdue ? { color: '#b42318' } : undefined}
              >
                {when(o.dueAt)} {o.overdue && <Tag color="red">{w('overdue')}</Tag>}
              </span>
            ),
          },
          { title: w('issuer'), dataIndex: 'issuer' },
        ]}
      />
    </div>
  );
}
