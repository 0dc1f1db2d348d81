import { describe, expect, it } from 'vitest';
import { type ImportEdge, importsOf, sourceFiles } from './import-graph';

const TOPS = ['core', 'server', 'web', 'scripts', 'bench', 'tests'];
const EDGES: ImportEdge[] = TOPS.flatMap(sourceFiles).flatMap(importsOf);

const MODULE = /^server\/modules\/([^/]+)\//;
const WEB_FEATURE = /^web\/src\/features\/([^/]+)\//;

const moduleOf = (path: string) => MODULE.exec(path)?.[1] ?? null;
const featureOf = (path: string) => WEB_FEATURE.exec(path)?.[1] ?? null;
const under = (path: string, ...prefixes: string[]) => prefixes.some((p) => path.startsWith(p));
const COMPOSITION_ROOT = ['server/app.ts', 'server/main.ts', 'server/cluster.ts'];
const isTest = (path: string) => /\.test\.tsx?$/.test(path);
const isFrontDoor = (path: string) => /^server\/modules\/[^/]+\/index\.ts$/.test(path);

interface Rule {
  name: string;
  /** The reason an import breaks the rule, or null when it keeps it. */
  broken: (edge: ImportEdge & { to: string }) => string | null;
}

const RULES: Rule[] = [
  {
    name: 'core/ imports only core/ (pure domain code, shared by browser and server)',
    broken: ({ from, to }) =>
      under(from, 'core/') && !under(to, 'core/') ? 'core reaches outside core/' : null,
  },
  {
    name: 'server/lib, server/db, server/plugins and server/config.ts import no module (their tests may, to wire them as main.ts does)',
    broken: ({ from, to }) =>
      under(from, 'server/lib/', 'server/db/', 'server/plugins/', 'server/config.ts') &&
      !isTest(from) &&
      moduleOf(to)
        ? `a shared layer depends on module "${moduleOf(to)}"`
        : null,
  },
  {
    name: "outside server/modules/<m>/, code imports <m> only through server/modules/<m>/index.ts (tests in tests/ too; a test that needs a module's internals lives beside them)",
    broken: ({ from, to }) => {
      const target = moduleOf(to);
      if (!target || moduleOf(from) === target || isFrontDoor(to)) return null;
      return `reaches inside module "${target}"; import from server/modules/${target}/index.ts`;
    },
  },
  {
    name: 'only entry points (scripts, bench, tests) import the composition root (server/app.ts, main.ts, cluster.ts)',
    broken: ({ from, to }) =>
      under(from, 'core/', 'server/', 'web/') &&
      COMPOSITION_ROOT.includes(to) &&
      !COMPOSITION_ROOT.includes(from) &&
      !isTest(from)
        ? 'code the app is built from imports the app'
        : null,
  },
  {
    name: 'web/ imports only web/ and core/ (server facts come from the generated contract under web/)',
    broken: ({ from, to }) =>
      under(from, 'web/') && !under(to, 'web/', 'core/') ? 'web reaches outside web/ and core/' : null,
  },
  {
    name: 'a web feature does not import another feature (shared code goes to web/src/lib or components)',
    broken: ({ from, to }) => {
      const source = featureOf(from);
      const target = featureOf(to);
      return source && target && source !== target ? `feature "${source}" imports feature "${target}"` : null;
    },
  },
  {
    name: 'web/src/lib, components and i18n import no feature (only web/src/app composes features)',
    broken: ({ from, to }) =>
      under(from, 'web/src/lib/', 'web/src/components/', 'web/src/i18n/') && featureOf(to)
        ? `shared web code imports feature "${featureOf(to)}"`
        : null,
  },
  {
    name: 'product code (core, server, web, scripts) imports nothing from tests/',
    broken: ({ from, to }) =>
      under(from, 'core/', 'server/', 'web/', 'scripts/') && under(to, 'tests/') && !isTest(from)
        ? 'product code depends on test support'
        : null,
  },
];

/** The module → module graph of server code (type-only imports count: a cycle of types is still a cycle). */
function moduleCycles(): string[] {
  const uses = new Map<string, Map<string, ImportEdge>>();
  for (const edge of EDGES) {
    const source = moduleOf(edge.from);
    const target = edge.to ? moduleOf(edge.to) : null;
    if (!source || !target || source === target || isTest(edge.from)) continue;
    const targets = uses.get(source) ?? new Map<string, ImportEdge>();
    if (!targets.has(target)) targets.set(target, edge);
    uses.set(source, targets);
  }
  const cycles: string[] = [];
  const reported = new Set<string>();
  const walk = (path: string[]) => {
    const last = path.at(-1)!;
    for (const next of uses.get(last)?.keys() ?? []) {
      if (next === path[0]) {
        const key = [...path].sort().join(',');
        if (reported.has(key)) continue;
        reported.add(key);
        const steps = [...path, next].slice(1).map((to, i) => {
          const via = uses.get(path[i]!)!.get(to)!;
          return `${path[i]} → ${to} (${via.from} imports '${via.specifier}')`;
        });
        cycles.push(steps.join('; '));
      } else if (!path.includes(next) && next > path[0]!) walk([...path, next]);
    }
  };
  for (const start of [...uses.keys()].sort()) walk([start]);
  return cycles;
}

const TABLE = [...RULES.map((rule) => rule.name), 'server modules import each other without cycles']
  .map((name, i) => `  ${i + 1}. ${name}`)
  .join('\n');

describe(`import rules:\n${TABLE}\n`, () => {
  it('the graph was read (sanity: the server imports its modules)', () => {
    expect(EDGES.length).toBeGreaterThan(500);
  });

  for (const rule of RULES) {
    it(rule.name, () => {
      const broken = EDGES.flatMap((edge) => {
        if (!edge.to) return [];
        const reason = rule.broken({ ...edge, to: edge.to });
        return reason ? [`${edge.from} imports '${edge.specifier}': ${reason}`] : [];
      });
      if (broken.length) expect.fail(`${broken.length} imports break the rule:\n${broken.join('\n')}`);
    });
  }

  it('server modules import each other without cycles', () => {
    const cycles = moduleCycles();
    if (cycles.length) expect.fail(`module cycles:\n${cycles.join('\n')}`);
  });
});
