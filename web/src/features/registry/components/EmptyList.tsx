import { Button, Empty, Space, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { useSelectedArea } from '../../../lib/use-area';

interface Props {
  entity: string;
  q: string | undefined;
  filtered: boolean;
  onClear: () => void;
}

/** Why a list is empty (a search, filters, or nothing here) and what to try next. */
export function EmptyList({ entity, q, filtered, onClear }: Props) {
  const { t } = useI18n();
  const area = useSelectedArea();
  const here = area.node?.name ?? '—';
  const widest = area.path[0];
  const wider = widest && widest.code !== area.code ? widest : null;
  const why = q
    ? t('lists.emptySearch', { area: here, q, entity })
    : filtered
      ? t('lists.emptyFiltered', { area: here, entity })
      : t('lists.emptyArea', { area: here, entity });
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <span style={{ display: 'flex', flexDirection: 'column', gap: 4 }} data-testid="list-empty">
          <Typography.Text>{why}</Typography.Text>
          {(q || filtered) && <Typography.Text type="secondary">{t('lists.emptyTry')}</Typography.Text>}
        </span>
      }
    >
      <Space wrap style={{ justifyContent: 'center' }}>
        {(q || filtered) && wider && (
          <Button onClick={() => area.setArea(wider.code)} data-testid="search-wider">
            {t('lists.searchWider', { area: wider.name })}
          </Button>
        )}
        {filtered && (
          <Button onClick={onClear} data-testid="clear-filters">
            {t('lists.clearFilters')}
          </Button>
        )}
      </Space>
    </Empty>
  );
}
