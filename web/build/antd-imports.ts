/**
 * Which Ant Design components a source file uses, read from its imports: the build makes static CSS for exactly
 * these (see antd-styles.ts). Plain text scanning is enough because the sources import antd one way
 * (`import { Button, type ButtonProps } from 'antd'`), which the architecture test holds them to.
 */

/** Components an antd component renders inside itself, whose styles it therefore needs as well. */
export const ANTD_INNER_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  App: ['message', 'Modal'],
  Breadcrumb: ['Dropdown'],
  Card: ['Skeleton', 'Tabs'],
  DatePicker: ['Button', 'Input'],
  Dropdown: ['Menu'],
  Form: ['Row', 'Col'],
  Input: ['Button'],
  Menu: ['Tooltip'],
  Modal: ['Button'],
  Pagination: ['Select', 'Input'],
  Popconfirm: ['Popover', 'Button'],
  QRCode: ['Spin', 'Button'],
  Select: ['Empty'],
  Statistic: ['Skeleton'],
  Table: ['Pagination', 'Spin', 'Empty', 'Checkbox', 'Radio', 'Dropdown', 'Tooltip'],
  TreeSelect: ['Empty', 'Tree'],
  Typography: ['Tooltip', 'Input'],
  Upload: ['Progress', 'Tooltip', 'Button'],
};

const STATIC_RELATIVE_IMPORT =
  /^\s*(?:import|export)\s+(?!type\b)(?:[^'"`;]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;
const ANTD_IMPORT = /^\s*import\s+(?!type\b)\{([^}]*)\}\s*from\s*['"]antd['"]/gm;

/** The relative modules a file imports statically (not `import type`, not `import()`). */
export function relativeImportsOf(source: string): string[] {
  return [...source.matchAll(STATIC_RELATIVE_IMPORT)].map((m) => m[1]!);
}

/** The value names a file imports from 'antd' (type-only names left out; `App as AntApp` gives `App`). */
export function antdComponentsOf(source: string): string[] {
  return [...source.matchAll(ANTD_IMPORT)].flatMap((m) =>
    m[1]!
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '' && !part.startsWith('type '))
      .map((part) => part.split(/\s+as\s+/)[0]!.trim())
      .filter((name) => /^[A-Z]/.test(name)),
  );
}
