import { Button, Space, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n';
import { useAuditVerification } from '../api/verify-audit';

/** "Verify chain": the server recomputes every hash; shows intact with the row count, or where it breaks. */
export function VerifyChain() {
  const { t } = useI18n();
  const verification = useAuditVerification();
  const result = verification.data;
  return (
    <Space wrap>
      {verification.isError && <ErrorAlert error={verification.error} />}
      {result && !verification.isFetching && (
        <Typography.Text
          strong
          type={result.ok ? 'success' : 'danger'}
          data-testid="verify-result"
          data-ok={String(result.ok)}
        >
          {result.ok
            ? `✓ ${t('audit.verifyOk', { rows: result.rows })}`
            : `✗ ${t('audit.verifyBroken', { id: result.brokenAt, rows: result.rows, reason: result.reason })}`}
        </Typography.Text>
      )}
      <Button
        onClick={() => verification.refetch()}
        loading={verification.isFetching}
        data-testid="verify-chain"
      >
        {t('audit.verify')}
      </Button>
    </Space>
  );
}
