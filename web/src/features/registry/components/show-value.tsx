import { Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { RegistryResource } from '../../../api/types';
import { RevealField } from '../../../components/RevealField';
import { enumLabel, type I18n } from '../../../i18n';
import { formatDate, formatDateTime, orDash } from '../../../lib/format';
import type { Shape } from '../api/queries';
import type { AnyDescription, Shown } from '../description';

export interface ShowContext {
  t: I18n['t'];
  tx: I18n['tx'];
  /** In-app link that keeps the selected area. */
  href: (path: string) => string;
  resource: RegistryResource;
  /** Lists show values plainly: no links or reveal actions inside a clickable row. */
  inList?: boolean;
  canRead: (resource: RegistryResource) => boolean;
}

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** The record's heading: the fields its description names, e.g. address and unit of a house. */
export const headingOf = (description: AnyDescription, record: Shape | undefined): string =>
  record
    ? description.heading
        .map((key) => String(record[key] ?? ''))
        .join(' ')
        .trim()
    : '';

export const hiddenWhenEmpty = (shown: Shown<string>, record: Shape) =>
  Boolean(shown.hideEmpty) && isEmpty(record[shown.key]);

/** A value of a record as its description says to show it. */
export function showValue(shown: Shown<string>, record: Shape, ctx: ShowContext): ReactNode {
  const value = record[shown.key];
  const { t, tx } = ctx;
  switch (shown.kind) {
    case 'enum': {
      const label = enumLabel(tx, shown.group, value as string | null);
      const colour = shown.colours?.[String(value)];
      return colour ? <Tag color={colour}>{label}</Tag> : label;
    }
    case 'tags':
      return isEmpty(value) ? (
        '—'
      ) : (
        <Space size={[0, 4]} wrap>
          {(value as string[]).map((tag) => (
            <Tag key={tag}>{enumLabel(tx, shown.group, tag)}</Tag>
          ))}
        </Space>
      );
    case 'flag':
      return value ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no');
    case 'date':
      return formatDate(value as string | null);
    case 'datetime':
      return formatDateTime(value as string | null);
    case 'personal':
      if (ctx.inList) return orDash(value as string | null);
      return (
        <RevealField
          resource={ctx.resource}
          id={record.id}
          field={shown.field}
          label={t(shown.label)}
          masked={isEmpty(value) ? null : String(value)}
        />
      );
    case 'link': {
      const id = record[shown.idKey];
      if (ctx.inList || isEmpty(id) || !ctx.canRead(shown.resource)) return orDash(value as string | null);
      return <Link to={ctx.href(`/${shown.resource}/${String(id)}`)}>{String(value ?? id)}</Link>;
    }
    default:
      return orDash(value as string | number | null);
  }
}
