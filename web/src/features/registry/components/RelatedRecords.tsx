import { useQuery } from '@tanstack/react-query';
import { Card, Skeleton, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n';
import { apiGet } from '../../../lib/api-client';
import { registryKeys } from '../../../lib/registry-api';
import { useAreaHref } from '../../../lib/use-area';
import type { Shape } from '../api/queries';
import type { Link as RecordLink } from '../description';
import { describe } from '../descriptions';
import { headingOf, type ShowContext, showValue } from './show-value';

const SHOWN = 20;

/** "黄埔东路23号 3栋502房" under 黄埔东路23号 reads "3栋502房": the page already says where. */
const withoutParent = (heading: string, parent: string) =>
  parent && heading.startsWith(parent) ? heading.slice(parent.length).trim() || heading : heading;
type ListLink = RecordLink<string> & { kind: 'list' };

/** The records pointing at this one, listed in place: a house's residents, an address's houses. */
export function RelatedRecords(props: { record: Shape; link: ListLink; parentHeading: string }) {
  const { record, link, parentHeading } = props;
  const { t, tx } = useI18n();
  const href = useAreaHref();
  const inPlace = link.inPlace!;
  const params = { [link.filter]: record.id, limit: SHOWN };
  const page = useQuery({
    queryKey: [...registryKeys.all(link.resource), 'related', params],
    queryFn: ({ signal }) =>
      apiGet<{ items: Shape[]; nextCursor: string | null }>(`/registry/${link.resource}`, params, signal),
  });
  const description = describe(link.resource);
  const ctx: ShowContext = { t, tx, href, resource: link.resource, inList: true, canRead: () => true };
  const items = page.data?.items ?? [];
  const all = href(`/${link.resource}`, { [link.filter]: record.id });

  return (
    <Card size="small" title={t(inPlace.title)} data-testid={`related-${link.resource}`}>
      {page.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {page.isError && <ErrorAlert error={page.error} onRetry={() => page.refetch()} />}
      {page.isSuccess && items.length === 0 && (
        <Typography.Text type="secondary">{t('records.related.none')}</Typography.Text>
      )}
      {items.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {items.map((item) => (
            <li key={item.id} style={{ paddingBlock: 4 }}>
              <Space size={[8, 0]} wrap>
                <Link to={href(`/${link.resource}/${item.id}`)} data-testid="related-record">
                  {withoutParent(headingOf(description, item), parentHeading) || `#${item.id}`}
                </Link>
                {inPlace.fields.map((shown) => (
                  <Typography.Text key={shown.key} type="secondary">
                    {shown.key === 'age'
                      ? t('records.related.age', { age: String(item.age) })
                      : showValue(shown, item, ctx)}
                  </Typography.Text>
                ))}
              </Space>
            </li>
          ))}
        </ul>
      )}
      {page.data?.nextCursor && (
        <Link to={all} style={{ display: 'inline-block', marginTop: 8 }}>
          {t('records.related.more', { count: SHOWN })}
        </Link>
      )}
    </Card>
  );
}
