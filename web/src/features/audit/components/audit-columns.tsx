import { type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { enumLabel, type I18n } from '../../../i18n';
import { formatDateTimeSeconds } from '../../../lib/format';
import type { AuditEntry } from '../types';
import { describeDetails, parseActor } from './describe-details';

const mono: CSSProperties = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12 };
const oneLine: CSSProperties = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };
const twoLines: CSSProperties = {
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
  lineHeight: 1.4,
};

export function actionColour(action: string): string {
  if (action === 'personal.reveal') return 'gold';
  if (action === 'login.failure') return 'red';
  if (action.startsWith('login.') || action === 'logout') return 'default';
  if (action === 'registry.archive') return 'volcano';
  if (action.startsWith('registry.')) return 'blue';
  return 'purple';
}

/** Columns of the audit table; `onActor` filters by the actor clicked. */
export function auditColumns(
  t: I18n['t'],
  tx: I18n['tx'],
  onActor: (actor: string) => void,
): TableColumnsType<AuditEntry> {
  return [
    { key: 'id', title: '#', dataIndex: 'id', width: 60, align: 'right' },
    { key: 'at', title: t('audit.at'), width: 160, render: (_, r) => formatDateTimeSeconds(r.at) },
    {
      key: 'actor',
      title: t('audit.actor'),
      width: 170,
      render: (_, r) => {
        const { name, accountId } = parseActor(r.actor);
        return (
          <Tooltip title={`${t('audit.filterActor')}: ${r.actor}`}>
            <span style={oneLine}>
              <Typography.Link onClick={() => onActor(r.actor)} data-testid="cell-actor">
                {name}
              </Typography.Link>
              {accountId !== null && <Typography.Text type="secondary"> #{accountId}</Typography.Text>}
            </span>
          </Tooltip>
        );
      },
    },
    {
      key: 'action',
      title: t('audit.action'),
      width: 130,
      render: (_, r) => (
        <Tag color={actionColour(r.action)} title={r.action} data-testid="cell-action" data-action={r.action}>
          {enumLabel(tx, 'auditAction', r.action)}
        </Tag>
      ),
    },
    {
      key: 'object',
      title: t('audit.object'),
      width: 120,
      render: (_, r) =>
        r.objectType ? `${enumLabel(tx, 'objectType', r.objectType)} #${r.objectId ?? '—'}` : '—',
    },
    {
      key: 'details',
      title: t('audit.details'),
      width: 240,
      render: (_, r) => {
        const text = describeDetails(r.details, tx);
        return text ? (
          <div style={twoLines} title={JSON.stringify(r.details)} data-testid="cell-details">
            {text}
          </div>
        ) : (
          '—'
        );
      },
    },
    {
      key: 'requestId',
      title: t('audit.requestId'),
      width: 100,
      render: (_, r) => <span style={mono}>{r.requestId ?? '—'}</span>,
    },
    {
      key: 'hash',
      title: t('audit.hash'),
      width: 110,
      render: (_, r) => (
        <Tooltip
          title={
            <div style={{ ...mono, wordBreak: 'break-all' }}>
              {t('audit.hash')}: {r.hash}
              <br />
              {t('audit.prevHash')}: {r.prevHash}
            </div>
          }
        >
          <span style={mono}>{r.hash.slice(0, 10)}…</span>
        </Tooltip>
      ),
    },
  ];
}
