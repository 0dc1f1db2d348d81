import type { I18n } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';

/** `account:31:grid001001001` → its username and id; other labels (`anonymous`, `system`) as they are. */
export function parseActor(actor: string): { name: string; accountId: number | null } {
  const m = /^account:(\d+):(.+)$/.exec(actor);
  return m ? { name: m[2] ?? actor, accountId: Number(m[1]) } : { name: actor, accountId: null };
}

const FIELD_KEYS = new Set(['field', 'fields']);
/** Details whose values are enums with labels in the dictionary (`enum.<group>.<value>`). */
const ENUM_GROUPS: Record<string, string> = {
  kind: 'sessionKind',
  secondFactor: 'secondFactor',
  role: 'auditRole',
};
/**
 * Details whose values may be machine words (a refusal's code, a sign-in failure's reason) with a label in
 * the dictionary; a reveal's own reason is free text and passes through as written.
 */
const MACHINE_WORDS: Record<string, string> = { reason: 'audit.reasonValue', code: 'audit.codeValue' };
const RECORD_KEYS = new Set(['kept', 'archived']);

/** PostgreSQL's `2026-11-29 19:00:00+00` (an hour of the bulk-read tally) in local time. */
function localTime(text: string): string {
  const iso = text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return Number.isNaN(new Date(iso).getTime()) ? text : formatDateTime(iso);
}

/** An entry's details on one line: `字段：证件号码 · 事由：入户核实`, names and known values translated. */
export function describeDetails(details: Record<string, unknown>, tx: I18n['tx']): string {
  const value = (key: string, v: unknown): string => {
    if (v === null || v === undefined) return '—';
    if (Array.isArray(v)) return v.map((item) => value(key, item)).join('、');
    if (typeof v === 'object') return JSON.stringify(v);
    if (typeof v === 'boolean') return tx(v ? 'common.yes' : 'common.no');
    const text = String(v);
    if (FIELD_KEYS.has(key)) return tx(`field.${text}`, text);
    if (RECORD_KEYS.has(key)) return `#${text}`;
    if (key === 'hour') return localTime(text);
    const words = MACHINE_WORDS[key];
    if (words) return tx(`${words}.${text}`, text);
    const group = ENUM_GROUPS[key];
    return group ? tx(`enum.${group}.${text}`, text) : text;
  };
  return Object.entries(details)
    .map(([key, v]) => `${tx(`audit.detail.${key}`, key)}：${value(key, v)}`)
    .join(' · ');
}
