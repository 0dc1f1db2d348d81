import type { Page } from 'playwright-core';

/**
 * Ant Design components on the page whose root class has no rule in any stylesheet: the app's antd styles are made
 * at build time from the components the sources import (web/build/antd-styles.ts), so a component rendered by another
 * and missing from that build's inner-component list would show up here unstyled.
 */
export async function unstyledAntdClasses(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const styled = new Set<string>();
    const collect = (rules: CSSRuleList) => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSStyleRule)
          for (const m of rule.selectorText.matchAll(/\.(ant-[\w-]+)/g)) styled.add(m[1]!);
        if ('cssRules' in rule) collect((rule as CSSGroupingRule).cssRules);
      }
    };
    // Linked stylesheets only: index.html's own small overrides (e.g. of tag colours) would otherwise count.
    for (const sheet of Array.from(document.styleSheets)) if (sheet.href) collect(sheet.cssRules);
    const roots = new Set<string>();
    for (const el of Array.from(document.querySelectorAll('[class*="ant-"]')))
      for (const name of Array.from(el.classList)) if (/^ant-[a-z]+$/.test(name)) roots.add(name);
    return [...roots].filter((name) => !styled.has(name)).sort();
  });
}
