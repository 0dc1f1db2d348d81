import type { I18n, MessageKey } from '../../../i18n';
import type { Notification } from '../api/types';

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? value : '');

/** What happened, in the reader's language, from the message's kind-specific details. */
export function describeNotification(n: Notification, { t, tx }: Pick<I18n, 't' | 'tx'>): string {
  const d = n.details;
  const level = tx(`notifications.level.${text(d.level)}`, String(text(d.level)));
  switch (d.action) {
    case 'dispatch':
      return t(
        d.role === 'lead' ? 'notifications.what.dispatch.lead' : 'notifications.what.dispatch.cooperating',
      );
    case 'refuse':
      return t('notifications.what.refuse', { department: text(d.departmentName ?? d.department) });
    case 'rework':
      return t('notifications.what.rework');
    case 'rate':
      return t('notifications.what.rate', { rating: text(d.rating) });
    case 'report':
    case 'accept':
    case 'escalate':
    case 'send_back':
      return t(`notifications.what.${d.action}` as MessageKey, { level });
    default:
      return '';
  }
}
