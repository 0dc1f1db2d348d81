import { Button, Space, Typography } from 'antd';
import { useI18n } from '../i18n';
import type { CursorPaging } from '../lib/use-cursor-paging';

interface Props {
  paging: CursorPaging;
  nextCursor: string | null | undefined;
  rows: number;
  busy?: boolean;
}

/** "Previous / Page n / Next" for keyset paging: there is no total, only a next cursor. */
export function CursorPager({ paging, nextCursor, rows, busy }: Props) {
  const { t } = useI18n();
  return (
    <Space style={{ width: '100%', justifyContent: 'flex-end', marginTop: 16 }} wrap>
      <Typography.Text type="secondary">{t('common.rows', { n: rows })}</Typography.Text>
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
