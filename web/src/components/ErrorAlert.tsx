import { Alert, Button } from 'antd';
import { type MessageKey, useI18n } from '../i18n';
import { ApiError } from '../lib/api-client';

/**
 * What the person can do about a failure, by status and code; null when the API's own message is already written
 * for people (domain errors: 422, most 409s). The raw answer stays available under "技术信息" for support.
 */
function advice(error: unknown): MessageKey | null {
  if (!(error instanceof ApiError)) return 'error.server';
  const { status, code, message } = error;
  if (status === 0) return 'error.network';
  // A refused sign-in (bad_credentials, bad_totp) is a 401 too, with its own message.
  if (status === 401 && code === 'unauthenticated') return 'error.unauthenticated';
  if (status === 403) return 'error.forbidden';
  if (status === 404) return 'error.notFound';
  if (status === 429) return 'error.rateLimited';
  if (status >= 500) return 'error.server';
  if (code === 'version_conflict') return 'error.versionConflict';
  // A malformed id in the address: the person followed or typed a bad link.
  if (code === 'invalid_request' && /^params\b/.test(message)) return 'error.badLink';
  if (code === 'invalid_request') return 'error.badInput';
  return null;
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const key = advice(error);
  const raw = error instanceof Error ? error.message : String(error);
  const technical = error instanceof ApiError ? `${error.status || '—'} · ${error.code} · ${raw}` : raw;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('error.title')}
      description={
        <div data-testid="api-error">
          <span data-testid="api-error-advice">{key ? t(key) : raw}</span>
          <details style={{ marginTop: 6, fontSize: 12 }} data-testid="api-error-technical">
            <summary style={{ cursor: 'pointer' }}>{t('error.technical')}</summary>
            <code style={{ wordBreak: 'break-all' }}>{technical}</code>
          </details>
        </div>
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
