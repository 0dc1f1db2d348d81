import type { I18n } from '../../../i18n';

/** `account:31:grid001001001` → its username and id; other labels (`anonymous`, `system`) as they are. */
export function parseActor(actor: string): { name: string; accountId: number | null } {
  const m = /^account:(\d+):(.+)$/.exec(actor);
  return m ? { name: m[2] ?? actor, accountId: Number(m[1]) } : { name: actor, accountId: null };
}

const FIELD_KEYS = new Set(['field', 'fields']);
/** Details whose values are enums with labels in the dictionary (`enum.<group>.<value>`). */
const ENUM_GROUPS: Record<string, string> = { kind: 'sessionKind' };

/** An entry's details on one line: `字段：公民身份号码 · 事由：入户核实`, field names translated. */
export function describeDetails(details: Record<string, unknown>, tx: I18n['tx']): string {
  const value = (key: string, v: unknown): string => {
    if (v === null || v === undefined) return '—';
    if (Array.isArray(v)) return v.map((item) => value(key, item)).join('、');
    if (typeof v === 'object') return JSON.stringify(v);
    const text = String(v);
    if (FIELD_KEYS.has(key)) return tx(`field.${text}`, text);
    const group = ENUM_GROUPS[key];
    return group ? tx(`enum.${group}.${text}`, text) : text;
  };
  return Object.entries(details)
    .map(([key, v]) => `${tx(`audit.detail.${key}`, key)}：${value(key, v)}`)
    .join(' · ');
}
