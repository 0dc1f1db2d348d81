import { App, Card, Col, Row } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { useResolveIdentityConflict } from '../api/resolve-identity-conflict';
import type { IdentityConflict, KeepSide } from '../types';
import { ConflictParty } from './ConflictParty';

/** One open conflict: the record just registered beside the one that held the number already. */
export function ConflictCard({ conflict }: { conflict: IdentityConflict }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const resolve = useResolveIdentityConflict(conflict.id);
  const keep = (side: KeepSide) =>
    resolve.mutate(side, {
      onSuccess: (done) =>
        void message.success(t('conflicts.resolved', { kept: done.kept, archived: done.archived })),
    });
  const party = (side: KeepSide) => (
    <ConflictParty
      side={side}
      party={side === 'new' ? conflict.resident : conflict.existing}
      other={side === 'new' ? conflict.existing : conflict.resident}
      busy={resolve.isPending && resolve.variables === side}
      onKeep={keep}
    />
  );
  return (
    <Card
      size="small"
      title={t('conflicts.cardTitle', { id: conflict.id, at: formatDateTime(conflict.createdAt) })}
      data-testid="conflict"
      data-conflict-id={conflict.id}
    >
      {resolve.isError && (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={resolve.error} />
        </div>
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          {party('new')}
        </Col>
        <Col xs={24} md={12}>
          {party('existing')}
        </Col>
      </Row>
    </Card>
  );
}
