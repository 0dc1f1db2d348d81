import type { UseQueryResult } from '@tanstack/react-query';
import {
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Result,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { HistoryResponse } from '../api/types';
import { useI18n } from '../i18n';
import { ApiError } from '../lib/api-client';
import { ErrorAlert } from './ErrorAlert';
import { HistoryTimeline } from './HistoryTimeline';

interface Props {
  title: string;
  backHref: string;
  record: UseQueryResult<unknown>;
  history: UseQueryResult<HistoryResponse>;
  /** Heading once loaded (the record's name or address). */
  heading?: ReactNode;
  archived?: boolean;
  items?: DescriptionsProps['items'];
  /** Links to related records. */
  links?: ReactNode;
  /** Buttons acting on the record (edit, archive), beside "back". */
  actions?: ReactNode;
}

/** The common frame of every registry detail: fields, related links, change history. */
export function DetailPage(props: Props) {
  const { title, backHref, record, history, heading, archived, items, links, actions } = props;
  const { t } = useI18n();
  const back = (
    <Link to={backHref}>
      <Button>{t('common.back')}</Button>
    </Link>
  );

  if (record.isError && record.error instanceof ApiError && record.error.status === 404) {
    return (
      <Result
        status="404"
        title="404"
        subTitle={record.error.message || t('common.recordNotFound')}
        extra={back}
      />
    );
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>{title}</span>
            {heading && <Typography.Text type="secondary">{heading}</Typography.Text>}
            {archived && <Tag color="red">{t('detail.archived')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {actions}
            {back}
          </Space>
        }
      >
        {record.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
        {record.isError && <ErrorAlert error={record.error} onRetry={() => record.refetch()} />}
        {record.isSuccess && (
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
            items={items}
            data-testid="record-fields"
          />
        )}
      </Card>
      {record.isSuccess && links && (
        <Card title={t('detail.links')} size="small">
          <Space wrap>{links}</Space>
        </Card>
      )}
      {!record.isError && <HistoryTimeline query={history} />}
    </Space>
  );
}
