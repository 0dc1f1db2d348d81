import { Button, Popconfirm, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import type { KeepSide, ConflictParty as Party } from '../types';

interface Props {
  side: KeepSide;
  party: Party;
  /** The other record: the one archived if this one is kept. */
  other: Party;
  busy: boolean;
  onKeep: (side: KeepSide) => void;
}

const box: CSSProperties = {
  border: '1px solid #f0f0f0',
  borderRadius: 6,
  padding: 12,
  height: '100%',
  display: 'flex',
  flexDirection: 'column',
  gap: 6,
};

/** One of the two records: who, where, a link to it, and "keep this one" behind a confirmation. */
export function ConflictParty({ side, party, other, busy, onKeep }: Props) {
  const { t } = useI18n();
  const grid = party.grid ?? t('conflicts.noGrid');
  return (
    <div style={box} data-testid={`party-${side}`} data-resident-id={party.id}>
      <div>
        <Tag color={side === 'new' ? 'blue' : 'default'}>{t(`conflicts.side.${side}`)}</Tag>
      </div>
      <Typography.Text strong style={{ fontSize: 16 }}>
        <Link to={`/residents/${party.id}`} data-testid="party-link">
          {party.name}
        </Link>
        <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
          {' '}
          #{party.id}
        </Typography.Text>
      </Typography.Text>
      <Typography.Text type="secondary" data-testid="party-grid">
        {t('conflicts.grid')}：{grid}
      </Typography.Text>
      <div style={{ marginTop: 'auto', paddingTop: 6 }}>
        <Popconfirm
          title={t('conflicts.confirmTitle', { name: party.name, id: party.id })}
          description={
            <div style={{ maxWidth: 300 }} data-testid="keep-confirm-text">
              {t('conflicts.confirmText', {
                name: other.name,
                id: other.id,
                grid: other.grid ?? t('conflicts.noGrid'),
              })}
            </div>
          }
          okText={t('conflicts.confirmOk')}
          cancelText={t('conflicts.cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'keep-confirm' }}
          onConfirm={() => onKeep(side)}
        >
          <Button loading={busy} data-testid={`keep-${side}`}>
            {t('conflicts.keep')}
          </Button>
        </Popconfirm>
      </div>
    </div>
  );
}
