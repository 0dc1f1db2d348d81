import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { ANTD_INNER_COMPONENTS, antdComponentsOf, relativeImportsOf } from './antd-imports.ts';

/**
 * Ant Design's styles as static CSS made at build time (`theme.zeroRuntime` in the app): the CSS-in-JS runtime
 * generated, hashed and inserted every component's styles on the phone's main thread at first render (half of the
 * signed-in pages' blocking time). Two stylesheets: `virtual:antd/sign-in.css` with the components the sign-in
 * screen and the app's frame use (imported by the entry), `virtual:antd/app.css` with every other component the
 * sources import (imported by the router, which arrives after sign-in).
 */
const SIGN_IN = 'virtual:antd/sign-in.css';
const APP = 'virtual:antd/app.css';
const RESOLVED = { [SIGN_IN]: '\0antd-sign-in.css', [APP]: '\0antd-app.css' } as const;

/** Every .ts/.tsx file under a folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function resolveSource(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return undefined;
}

/** The files the entry reaches through static imports only (what loads before the router's lazy chunk). */
function staticallyReached(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of relativeImportsOf(readFileSync(file, 'utf8'))) {
      const next = resolveSource(file, spec);
      if (next) queue.push(next);
    }
  }
  return [...seen];
}

/** The components of each stylesheet, with the ones they render inside (a table's pager, a select's empty list…). */
export function componentSets(srcDir: string, entry: string): { signIn: string[]; app: string[] } {
  const withInner = (names: Iterable<string>) => {
    const all = new Set(names);
    for (let grew = true; grew; ) {
      grew = false;
      for (const name of [...all])
        for (const inner of ANTD_INNER_COMPONENTS[name] ?? [])
          if (!all.has(inner)) {
            all.add(inner);
            grew = true;
          }
    }
    return all;
  };
  const used = (files: string[]) => files.flatMap((f) => antdComponentsOf(readFileSync(f, 'utf8')));
  const signIn = withInner(used(staticallyReached(entry)));
  const app = [...withInner(used(sourceFiles(srcDir)))].filter((name) => !signIn.has(name));
  return { signIn: [...signIn].sort(), app: app.sort() };
}

async function extract(includes: string[]): Promise<string> {
  // Loaded here, not at the top: cssinjs names its classes by NODE_ENV when it is first imported, and Vite sets
  // NODE_ENV for the build after reading this config.
  const [{ extractStyle }, { createElement }, antd, { theme }] = await Promise.all([
    import('@ant-design/static-style-extract'),
    import('react'),
    import('antd'),
    import('../src/app/theme.ts'),
  ]);
  // Names that are not components at run time (types, hooks) are left out.
  const components = includes.filter((name) => name in antd);
  if (components.length === 0) return '';
  const css = extractStyle({
    includes: components,
    customTheme: (node) => createElement(antd.ConfigProvider, { theme }, node),
  });
  // Variables of the ConfigProviders some components nest (named by React's useId, never the same class at run time)
  // and the server-rendering cache marker: neither can match anything in the app.
  return css
    .replace(/\.css-var-_R_[^{]*\{[^}]*\}/g, '')
    .replace(/\.data-ant-cssinjs-cache-path\{[^}]*\}/g, '');
}

export function antdStyles(srcDir: string, entry: string): Plugin {
  let sets: { signIn: string[]; app: string[] } | undefined;
  return {
    name: 'antd-styles',
    resolveId: (id) => (id === SIGN_IN || id === APP ? RESOLVED[id] : undefined),
    async load(id) {
      if (id !== RESOLVED[SIGN_IN] && id !== RESOLVED[APP]) return undefined;
      sets ??= componentSets(srcDir, entry);
      return extract(id === RESOLVED[SIGN_IN] ? sets.signIn : sets.app);
    },
  };
}
