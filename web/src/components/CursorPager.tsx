import { Button, Select, Space, Tooltip, Typography } from 'antd';
import { useI18n } from '../i18n';
import { formatNumber } from '../lib/format';
import type { ListTotal } from '../lib/registry-api';
import type { CursorPaging } from '../lib/use-cursor-paging';

interface Props {
  paging: CursorPaging & { first?: () => void };
  nextCursor: string | null | undefined;
  rows: number;
  busy?: boolean;
  /** The list's total, when the API gives one. */
  total?: ListTotal;
  /** Page sizes offered, with the current one; absent: no choice. */
  pageSize?: { value: number; options: readonly number[]; onChange: (n: number) => void };
}

/** The total, and "first / previous / page n / next" for keyset paging, with the page size where offered. */
export function CursorPager({ paging, nextCursor, rows, busy, total, pageSize }: Props) {
  const { t, lang } = useI18n();
  const bound = total ? formatNumber(total.count, lang) : '';
  return (
    <Space style={{ width: '100%', justifyContent: 'flex-end', marginTop: 16 }} wrap>
      {total ? (
        total.atLeast ? (
          <Tooltip title={t('lists.totalAtLeastHint', { n: bound })}>
            <Typography.Text data-testid="list-total" tabIndex={0}>
              {t('lists.totalAtLeast', { n: bound })}
            </Typography.Text>
          </Tooltip>
        ) : (
          <Typography.Text data-testid="list-total">{t('lists.total', { n: bound })}</Typography.Text>
        )
      ) : (
        <Typography.Text type="secondary">{t('common.rows', { n: rows })}</Typography.Text>
      )}
      {pageSize && (
        <Select
          value={pageSize.value}
          onChange={pageSize.onChange}
          aria-label={t('lists.pageSize')}
          data-testid="page-size"
          options={pageSize.options.map((n) => ({ value: n, label: t('lists.perPage', { n }) }))}
          style={{ width: 110 }}
        />
      )}
      {paging.first && paging.page > 2 && (
        <Button onClick={paging.first} disabled={busy} data-testid="page-first">
          {t('lists.first')}
        </Button>
      )}
      <Button onClick={paging.previous} disabled={!paging.hasPrevious || busy} data-testid="page-prev">
        {t('common.prev')}
      </Button>
      <Typography.Text data-testid="page-number">{t('common.page', { n: paging.page })}</Typography.Text>
      <Button
        type="primary"
        ghost
        onClick={() => nextCursor && paging.next(nextCursor)}
        disabled={!nextCursor || busy}
        data-testid="page-next"
      >
        {t('common.next')}
      </Button>
    </Space>
  );
}
