import { useI18n } from '../../../i18n';
import { useCan } from '../../../lib/permissions';
import { useQueueCount } from '../api/get-queue-count';
import { BigLink } from './BigLink';

/** The grid worker's first buttons: report an event from the street, and the to-do with its count. */
export function EventButtons() {
  const { t } = useI18n();
  const canReport = useCan('events', 'create');
  const canRead = useCan('events', 'read');
  const count = useQueueCount(canRead);
  if (!canRead) return null;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: 12 }}>
      {canReport && (
        <BigLink to="/events/new" primary data-testid="my-report-event">
          {t('myGrid.reportEvent')}
        </BigLink>
      )}
      <BigLink to="/events/queue" data-testid="my-event-queue">
        {t('myGrid.queueCount', { n: count.data?.total ?? '…' })}
      </BigLink>
    </div>
  );
}
