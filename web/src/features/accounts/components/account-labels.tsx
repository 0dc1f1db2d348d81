import { Tag } from 'antd';
import type { I18n } from '../../../i18n';
import type { Account } from '../api/accounts';

export const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : null;

/** Where the account works: its department, else its areas. */
export const placeOf = (a: Account) => a.department?.name ?? (a.areas.map((x) => x.name).join('、') || '—');

export const roleOf = (a: Account, lang: string) => (lang === 'en' ? a.roleLabel.en : a.roleLabel.zh);

export function StatusTags({ account, t }: { account: Account; t: I18n['t'] }) {
  return (
    <>
      {account.disabledAt ? (
        <Tag color="red">{t('accounts.status.disabled')}</Tag>
      ) : (
        <Tag color="green">{t('accounts.status.active')}</Tag>
      )}
      {account.passwordMustChange && <Tag color="orange">{t('accounts.mustChange')}</Tag>}
    </>
  );
}
