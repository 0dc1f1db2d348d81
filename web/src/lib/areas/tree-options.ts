import type { AreaNode } from '../types';

export interface AreaOption {
  value: string;
  title: string;
  children: AreaOption[];
}

/** The area tree as antd TreeSelect options, keyed by area code. */
export const areaTreeOptions = (nodes: AreaNode[]): AreaOption[] =>
  nodes.map((n) => ({ value: n.code, title: n.name, children: areaTreeOptions(n.children) }));
