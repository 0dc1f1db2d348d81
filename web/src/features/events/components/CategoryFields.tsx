import { Form, Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { categoriesOfKind, type EventKind, subCategoriesOf } from '../../../../../core/events/catalogue';
import type { Lang } from '../../../i18n';
import { useEventsI18n } from '../i18n';

const RECENT_KEY = 'grid.events.recentCategories';

/** The categories this browser reported under lately, newest first (a grid worker's common ones). */
export function recentCategories(): string[] {
  try {
    const list = JSON.parse(window.localStorage.getItem(RECENT_KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberCategory(code: string): void {
  try {
    const top = code.split('.')[0]!;
    const list = [top, ...recentCategories().filter((c) => c !== top)].slice(0, 5);
    window.localStorage.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // storage unavailable: no common categories
  }
}

const nameOf = (c: { name: { zh: string; en: string } }, lang: Lang) =>
  lang === 'en' ? c.name.en : c.name.zh;

/**
 * The two-level category: the kind's top-level categories (the ones used lately first), then the
 * sub-category when the category has some (work safety's 23).
 */
export function CategoryFields({ kind, category }: { kind: EventKind; category: string | undefined }) {
  const { t, lang } = useEventsI18n();
  const options = useMemo((): SelectProps['options'] => {
    const all = categoriesOfKind(kind).map((c) => ({ value: c.code, label: `${c.code} ${nameOf(c, lang)}` }));
    const recent = recentCategories()
      .map((code) => all.find((o) => o.value === code))
      .filter((o): o is (typeof all)[number] => o !== undefined);
    if (recent.length === 0) return all;
    return [
      {
        label: t('events.report.common'),
        title: 'common',
        options: recent.map((o) => ({ ...o, value: o.value })),
      },
      {
        label: t('events.report.allCategories'),
        title: 'all',
        options: all.filter((o) => !recent.includes(o)),
      },
    ];
  }, [kind, lang, t]);
  const subs = category ? subCategoriesOf(category) : [];
  return (
    <>
      <Form.Item
        name="category"
        label={t('events.report.category')}
        rules={[
          { required: true, message: t('events.report.required', { field: t('events.report.category') }) },
        ]}
      >
        <Select
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="input-category"
          aria-label={t('events.report.category')}
        />
      </Form.Item>
      {subs.length > 0 && (
        <Form.Item
          name="subCategory"
          label={t('events.report.subCategory')}
          rules={[
            {
              required: true,
              message: t('events.report.required', { field: t('events.report.subCategory') }),
            },
          ]}
        >
          <Select
            options={subs.map((c) => ({ value: c.code, label: `${c.code} ${nameOf(c, lang)}` }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="input-subCategory"
          />
        </Form.Item>
      )}
    </>
  );
}
