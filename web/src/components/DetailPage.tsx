import type { UseQueryResult } from '@tanstack/react-query';
import {
  Card,
  Descriptions,
  type DescriptionsProps,
  Grid,
  Result,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import type { HistoryResponse } from '../api/types';
import { useI18n } from '../i18n';
import { ApiError } from '../lib/api-client';
import { ErrorAlert } from './ErrorAlert';
import { HistoryTimeline } from './HistoryTimeline';
import { LinkButton } from './LinkButton';

const row: CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 16 };

interface Props {
  /** What kind of record, e.g. "居民详情". */
  title: string;
  backHref: string;
  record: UseQueryResult<unknown>;
  history: UseQueryResult<HistoryResponse>;
  /** Heading once loaded (the record's name or address): the page's h1. */
  heading?: ReactNode;
  archived?: boolean;
  items?: DescriptionsProps['items'];
  /** Links to related records. */
  links?: ReactNode;
  /** Related records listed in place (a house's residents, an address's houses). */
  related?: ReactNode;
  /** Buttons acting on the record (edit, archive), beside "back". */
  actions?: ReactNode;
}

/** The common frame of every registry detail: heading, fields, related records, change history. */
export function DetailPage(props: Props) {
  const { title, backHref, record, history, heading, archived, items, links, related, actions } = props;
  const { t } = useI18n();
  const wide = Grid.useBreakpoint().md ?? true;
  const back = <LinkButton to={backHref}>{t('common.back')}</LinkButton>;

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
          <div style={{ whiteSpace: 'normal', paddingBlock: 8 }}>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {title}
            </Typography.Text>
            <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }} data-testid="record-heading">
              {heading || title}
              {archived && (
                <Tag color="red" style={{ marginInlineStart: 8, verticalAlign: 'middle' }}>
                  {t('detail.archived')}
                </Tag>
              )}
            </Typography.Title>
          </div>
        }
      >
        <div style={row}>
          {actions}
          {back}
        </div>
        {record.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
        {record.isError && <ErrorAlert error={record.error} onRetry={() => record.refetch()} />}
        {record.isSuccess && (
          <Descriptions
            bordered
            size="small"
            layout={wide ? 'horizontal' : 'vertical'}
            column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
            items={items}
            data-testid="record-fields"
          />
        )}
      </Card>
      {record.isSuccess && related}
      {record.isSuccess && links && (
        <Card title={t('detail.links')} size="small">
          <div style={{ ...row, marginBottom: 0 }}>{links}</div>
        </Card>
      )}
      {!record.isError && <HistoryTimeline query={history} />}
    </Space>
  );
}
