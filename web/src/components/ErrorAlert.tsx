import { Alert, Button, Typography } from 'antd';
import { useI18n } from '../i18n';
import { ApiError } from '../lib/api-client';

/** Shows the API's own message (it is written for people), with the status and code for support. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const message = error instanceof Error ? error.message : String(error);
  const detail = error instanceof ApiError ? `${error.status || '—'} · ${error.code}` : null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('common.error')}
      description={
        <span data-testid="api-error">
          {message}
          {detail && <Typography.Text type="secondary"> ({detail})</Typography.Text>}
        </span>
      }
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
