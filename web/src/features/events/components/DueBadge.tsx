import { Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';
import { useEventsI18n } from '../i18n';
import { dueMark } from '../labels';

const COLOURS = { overdue: '#cf1322', warning: '#874d00' } as const;

/** The deadline, red with "overdue" once past it, amber with "due soon" from its warning time. */
export function DueBadge({
  dueAt,
  warnAt,
  overdue,
}: {
  dueAt: string | null;
  warnAt: string | null;
  overdue?: boolean;
}) {
  const { t } = useEventsI18n();
  if (!dueAt) return <Typography.Text type="secondary">{t('events.due.none')}</Typography.Text>;
  const mark = overdue ? 'overdue' : dueMark(dueAt, warnAt);
  const colour = mark === 'overdue' || mark === 'warning' ? COLOURS[mark] : undefined;
  return (
    <span data-testid="due" data-mark={mark} style={{ color: colour, fontWeight: colour ? 600 : undefined }}>
      {t('events.due', { at: formatDateTime(dueAt) })}
      {mark === 'overdue' && ` · ${t('events.due.overdue')}`}
      {mark === 'warning' && ` · ${t('events.due.warning')}`}
    </span>
  );
}
