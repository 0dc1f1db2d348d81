import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The limit it is measured against, and whether lower or higher is better. */
  limit: number;
  better: 'lower' | 'higher';
}

/** value / limit for "lower is better", limit / value for "higher is better": ≤ 1 meets the limit. */
export const ratio = (f: Figure) => (f.better === 'lower' ? f.value / f.limit : f.limit / f.value);

export function printFigures(title: string, figures: Figure[]) {
  console.log(`\n## ${title}`);
  for (const f of figures) {
    const r = ratio(f);
    console.log(
      `${f.name.padEnd(58)} ${f.value.toFixed(f.value < 10 ? 2 : 0).padStart(10)} ${f.unit.padEnd(8)} limit ${String(f.limit).padStart(8)} ratio ${r.toFixed(2)} ${r <= 1 ? 'ok' : 'OVER'}`,
    );
  }
}

export function machine() {
  const cpu = cpus()[0]?.model ?? 'unknown cpu';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

/** Replaces this benchmark's section of docs/benchmarks.md with the latest figures. */
/** `after`: more markdown below the figures (e.g. a table of its own). */
export function writeSection(key: string, title: string, figures: Figure[], notes = '', after = '') {
  const path = new URL('../docs/benchmarks.md', import.meta.url).pathname;
  let text = readFileSync(path, 'utf8');
  const begin = `<!-- bench:${key}:begin -->`;
  const end = `<!-- bench:${key}:end -->`;
  const rows = figures.map(
    (f) =>
      `| ${f.name} | ${f.value.toFixed(f.value < 10 ? 2 : 0)} ${f.unit} | ${f.better === 'lower' ? '≤' : '≥'} ${f.limit} ${f.unit} | ${ratio(f).toFixed(2)} |`,
  );
  const section = [
    begin,
    `### ${title}`,
    '',
    `${new Date().toISOString().slice(0, 10)} · ${machine()}${notes ? `\n\n${notes}` : ''}`,
    '',
    '| figure | measured | limit | ratio (≤ 1 meets it) |',
    '| --- | --- | --- | --- |',
    ...rows,
    ...(after ? ['', after] : []),
    end,
  ].join('\n');
  text = text.includes(begin)
    ? text.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), section)
    : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, text);
}

export function percentile(sortedMs: number[], p: number) {
  if (sortedMs.length === 0) return Number.NaN;
  const i = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, i)]!;
}
