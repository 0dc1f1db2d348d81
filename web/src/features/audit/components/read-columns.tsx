import { type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { enumLabel, type I18n } from '../../../i18n';
import { formatDateTimeSeconds } from '../../../lib/format';
import type { PersonalRead } from '../types';
import { parseActor } from './describe-details';

export const mono: CSSProperties = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace',
  fontSize: 12,
};

const oneLine: CSSProperties = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };

const KIND_COLOURS: Record<string, string> = {
  list: 'default',
  get: 'blue',
  history: 'geekblue',
  identity_search: 'orange',
};

/** Columns of the reads table; `onAccount` filters by the account clicked. */
export function readColumns(
  t: I18n['t'],
  tx: I18n['tx'],
  onAccount: (accountId: string) => void,
): TableColumnsType<PersonalRead> {
  return [
    { key: 'at', title: t('audit.at'), width: 160, render: (_, r) => formatDateTimeSeconds(r.at) },
    {
      key: 'account',
      title: t('audit.reads.account'),
      width: 190,
      render: (_, r) => {
        const { name } = parseActor(r.actor);
        if (r.accountId === null) return name;
        return (
          <Tooltip title={`${t('audit.reads.filterAccount')}: ${r.actor}`}>
            <Typography.Link onClick={() => onAccount(String(r.accountId))} data-testid="cell-account">
              {name}
            </Typography.Link>
            <Typography.Text type="secondary"> #{r.accountId}</Typography.Text>
          </Tooltip>
        );
      },
    },
    {
      key: 'kind',
      title: t('audit.reads.kind'),
      width: 110,
      render: (_, r) => (
        <Tag color={KIND_COLOURS[r.kind] ?? 'default'} data-testid="cell-kind" data-kind={r.kind}>
          {enumLabel(tx, 'readKind', r.kind)}
        </Tag>
      ),
    },
    {
      key: 'entity',
      title: t('audit.reads.entity'),
      width: 100,
      render: (_, r) => <span data-testid="cell-entity">{enumLabel(tx, 'objectType', r.entity)}</span>,
    },
    {
      key: 'records',
      title: t('audit.reads.records'),
      width: 110,
      align: 'right',
      render: (_, r) => (
        <span data-testid="cell-records" data-count={r.recordIds.length}>
          {t('audit.reads.recordCount', { n: r.recordIds.length })}
        </span>
      ),
    },
    {
      key: 'requestId',
      title: t('audit.requestId'),
      width: 110,
      render: (_, r) => (
        <div style={{ ...mono, ...oneLine }} title={r.requestId ?? undefined}>
          {r.requestId ?? '—'}
        </div>
      ),
    },
  ];
}
