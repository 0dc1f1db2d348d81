import { useMemo } from 'react';
import { type Lang, useI18n } from '../../i18n';

// The routing screen's own words (loaded with the screen); the menu entry is in the app's dictionary.
const zhCN = {
  title: '分流规则',
  intro: '事件类别 × 区域 → 主办与协办部门。派遣时按最具体的在用规则推荐，无规则时按事件目录的默认部门。',
  add: '新增规则',
  replace: '修改',
  retire: '停用',
  retireConfirm: '停用后不再推荐；已派遣事件仍可查到当时的推荐。确定停用？',
  showRetired: '显示已停用的版本',
  category: '类别',
  area: '区域',
  wholeDistrict: '全区',
  lead: '主办部门',
  cooperating: '协办部门',
  catalogue: '目录默认',
  version: '版本',
  acceptance: '采纳率',
  acceptanceOverall: '近 90 天派遣 {n} 次，采纳推荐 {k} 次（{rate}）',
  note: '说明',
  retired: '已停用',
  save: '保存',
  cancel: '取消',
  noDispatches: '暂无派遣',
  areaHelp: '街道或社区；不选则适用全区',
} as const;
type Key = keyof typeof zhCN;
const en: Record<Key, string> = {
  title: 'Routing rules',
  intro:
    'Event category × area → lead and co-operating departments. A dispatch is suggested from the most specific live rule, else from the catalogue’s default departments.',
  add: 'Add a rule',
  replace: 'Change',
  retire: 'Retire',
  retireConfirm:
    'A retired rule is no longer suggested; dispatches already made still show what was suggested. Retire it?',
  showRetired: 'Show retired versions',
  category: 'Category',
  area: 'Area',
  wholeDistrict: 'Whole district',
  lead: 'Lead department',
  cooperating: 'Co-operating departments',
  catalogue: 'Catalogue default',
  version: 'Version',
  acceptance: 'Accepted',
  acceptanceOverall: 'Last 90 days: {n} dispatches, the suggestion taken {k} times ({rate})',
  note: 'Note',
  retired: 'Retired',
  save: 'Save',
  cancel: 'Cancel',
  noDispatches: 'No dispatches yet',
  areaHelp: 'A street or community; none: the whole district',
};
const DICTIONARIES: Record<Lang, Record<Key, string>> = { 'zh-CN': zhCN, en };

export function useRoutingI18n() {
  const { lang } = useI18n();
  return useMemo(() => {
    const words = DICTIONARIES[lang];
    const t = (key: Key, vars: Record<string, string | number> = {}) =>
      words[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
    return { t, lang };
  }, [lang]);
}
