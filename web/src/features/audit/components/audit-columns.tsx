import { type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { enumLabel, type I18n } from '../../../i18n';
import { formatDateTimeSeconds } from '../../../lib/format';
import { ALERT_ACTIONS, type AuditEntry, READ_ENTITIES } from '../types';
import { describeDetails, parseActor } from './describe-details';

const mono: CSSProperties = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12 };
const tagWrap: CSSProperties = { whiteSpace: 'normal', marginInlineEnd: 0 };
const alertTag: CSSProperties = { ...tagWrap, fontWeight: 600 };
const oneLine: CSSProperties = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };
const twoLines: CSSProperties = {
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
  lineHeight: 1.4,
};

export function actionColour(action: string): string {
  if (action === 'personal.bulk_read_alert') return 'magenta';
  if (action.endsWith('.refused')) return 'red';
  if (action === 'personal.reveal') return 'gold';
  if (action === 'login.failure' || action === 'login.rate_limited') return 'red';
  if (action === 'totp.enrol') return 'cyan';
  if (action === 'registry.identity_conflict.resolve') return 'geekblue';
  if (action.startsWith('login.') || action === 'logout') return 'default';
  if (action === 'registry.archive') return 'volcano';
  if (action.startsWith('registry.')) return 'blue';
  return 'purple';
}

interface Handlers {
  /** Filter the trail by the actor clicked. */
  onActor: (actor: string) => void;
  /** Open the personal-data reads with these filters (who read this person, what this account read). */
  onReads: (filters: Record<string, string>) => void;
}

const isReadEntity = (type: string | null): boolean =>
  (READ_ENTITIES as readonly (string | null)[]).includes(type);

/** Filters of the reads tab that answer "who read this?" for an entry, if it is about people or a reader. */
export function readsFiltersFor(r: AuditEntry): Record<string, string> | null {
  // A refused reveal keeps whatever id was asked for; only a real record id makes a sensible filter.
  if (!r.objectId || !/^\d{1,10}$/.test(r.objectId) || Number(r.objectId) > 2147483647) return null;
  if (isReadEntity(r.objectType)) return { entity: r.objectType ?? '', recordId: r.objectId };
  if (r.action === 'personal.bulk_read_alert') return { accountId: r.objectId };
  return null;
}

/** Columns of the audit table. */
export function auditColumns(
  t: I18n['t'],
  tx: I18n['tx'],
  { onActor, onReads }: Handlers,
): TableColumnsType<AuditEntry> {
  return [
    { key: 'id', title: '#', dataIndex: 'id', width: 60, align: 'right' },
    { key: 'at', title: t('audit.at'), width: 160, render: (_, r) => formatDateTimeSeconds(r.at) },
    {
      key: 'actor',
      title: t('audit.actor'),
      width: 170,
      render: (_, r) => {
        const { name: username, accountId } = parseActor(r.actor);
        const role = r.actorRole ? `（${tx(`records.role.${r.actorRole}`, r.actorRole)}）` : '';
        const name = r.actorName ? `${r.actorName}${role}` : username;
        return (
          <Tooltip
            title={`${t('audit.filterActor')}: ${username}${accountId === null ? '' : ` #${accountId}`}`}
          >
            <span style={oneLine}>
              <Typography.Link
                onClick={() => onActor(r.actor)}
                data-testid="cell-actor"
                data-username={username}
              >
                {name}
              </Typography.Link>
              {r.actorName && <Typography.Text type="secondary"> {username}</Typography.Text>}
            </span>
          </Tooltip>
        );
      },
    },
    {
      key: 'action',
      title: t('audit.action'),
      width: 150,
      render: (_, r) => (
        <Tag
          color={actionColour(r.action)}
          variant={ALERT_ACTIONS.has(r.action) ? 'solid' : undefined}
          title={r.action}
          style={ALERT_ACTIONS.has(r.action) ? alertTag : tagWrap}
          data-testid="cell-action"
          data-action={r.action}
        >
          {ALERT_ACTIONS.has(r.action) && '⚠ '}
          {enumLabel(tx, 'auditAction', r.action)}
        </Tag>
      ),
    },
    {
      key: 'object',
      title: t('audit.object'),
      width: 140,
      render: (_, r) => {
        if (!r.objectType) return '—';
        const reads = readsFiltersFor(r);
        return (
          <>
            <Tooltip title={`${r.objectType} #${r.objectId ?? '—'}`}>
              <div style={oneLine} data-testid="cell-object">
                {`${enumLabel(tx, 'objectType', r.objectType)} ${r.objectName ?? `#${r.objectId ?? '—'}`}`}
              </div>
            </Tooltip>
            {reads && (
              <Typography.Link
                onClick={() => onReads(reads)}
                style={{ fontSize: 12 }}
                data-testid="cell-who-read"
              >
                {reads.accountId ? t('audit.reads.whatRead') : t('audit.reads.whoRead')}
              </Typography.Link>
            )}
          </>
        );
      },
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
      render: (_, r) => (
        <div style={{ ...mono, ...oneLine }} title={r.requestId ?? undefined}>
          {r.requestId ?? '—'}
        </div>
      ),
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
