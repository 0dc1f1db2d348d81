import { Alert, Card, Empty, Flex, Result, Spin } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n';
import { useCan } from '../../../lib/permissions';
import { useIdentityConflicts } from '../api/get-identity-conflicts';
import { ConflictCard } from '../components/ConflictCard';

/** Residents registered twice with one document number: keep one record, the other is moved out. */
export function IdentityConflictsRoute() {
  const { t } = useI18n();
  const allowed = useCan('residents', 'archive');
  if (!allowed)
    return <Result status="403" title="403" subTitle={t('common.forbidden')} data-testid="forbidden" />;
  return <OpenConflicts />;
}

function OpenConflicts() {
  const { t } = useI18n();
  const query = useIdentityConflicts();
  const items = query.data?.items ?? [];
  return (
    <Card title={t('conflicts.title')} data-testid="conflicts-page">
      <Alert type="info" showIcon title={t('conflicts.intro')} style={{ marginBottom: 16 }} />
      {query.isError && <ErrorAlert error={query.error} onRetry={() => query.refetch()} />}
      {query.isPending && <Spin style={{ display: 'block', padding: 48 }} />}
      {query.isSuccess && items.length === 0 && (
        <Empty description={t('conflicts.none')} data-testid="conflicts-empty" />
      )}
      <Flex vertical gap={12}>
        {items.map((c) => (
          <ConflictCard key={c.id} conflict={c} />
        ))}
      </Flex>
    </Card>
  );
}
