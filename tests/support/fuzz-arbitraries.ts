/**
 * fast-check generators of HTTP requests for one route, driven by the route's OpenAPI schemas: mostly
 * near-valid values (so requests reach the rules and the database) with hostile ones mixed in at every
 * field, plus arbitrary and malformed JSON.
 */
import fc from 'fast-check';

export type Schema = Record<string, unknown>;
/** Marks a query parameter the route requires (OpenAPI `required: true`): always sent. */
export const REQUIRED = 'x-fuzz-required';

interface RouteShape {
  url: string;
  body?: Schema;
  query: Record<string, Schema>;
  params: string[];
}
interface Pools {
  /** Ids of existing rows, so references resolve and updates reach real records. */
  ids: number[];
  /** Cursors issued by other lists (foreign to most routes). */
  cursors: string[];
  /** Ids of the route's own records (path parameters). */
  own: number[];
}

/** Hostile text by class; each class is drawn equally often, so a rare class is not drowned by a large one. */
const HOSTILE_TEXT: Record<string, string[]> = {
  controls: [
    '\u0000',
    'a\u0000b',
    '黄埔\u0000东路',
    '\u0007bell',
    'tab\there',
    'line\nbreak',
    '\u007f',
    '\u0085',
    '\u009b',
  ],
  surrogates: ['\ud800', 'x\udfff', '\ud83d', '黄\udc00'],
  blank: ['', ' ', '\u3000', '   \u00a0 ', '\u200b', '\ufeff'],
  unicode: ['\u202eevil', 'e\u0301\u0301\u0301', '𠀀𠀁𠀂', '🏳️‍🌈', 'Ω\u0308'],
  injection: [
    "'; DROP TABLE residents; --",
    "' OR '1'='1",
    '" OR ""="',
    '%',
    '_',
    '\\',
    '\\x00',
    '$1',
    '$$1{x}',
    '<script>alert(1)</script>',
  ],
  numeric: ['-infinity', 'NaN', '1e400', '2147483648', '-2147483649', '99999999999999999999', 'true', 'null'],
  dates: ['0000-01-01', '2023-02-29', '9999-12-31', '1899-12-31T23:59:59Z'],
  long: ['黄'.repeat(120), 'x'.repeat(3000)],
};
const DATES = [
  '1990-01-01',
  '2024-02-29',
  '1900-01-01',
  '2100-12-31',
  '0000-01-01',
  '2023-02-29',
  '1899-12-31',
  '2101-01-01',
  '1990-1-1',
  '19900101',
];
const DATE_TIMES = [
  '2024-05-01T08:00:00+08:00',
  '2024-05-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2024-02-30T00:00:00Z',
  '2024-05-01',
];
const NUMBERS = [
  0,
  -1,
  1,
  2,
  2147483647,
  2147483648,
  -2147483648,
  -2147483649,
  2 ** 53,
  -(2 ** 53),
  1e308,
  -1e308,
  1.5,
  1e-300,
  90.000001,
  -180.5,
  23.1,
  113.45,
];
const RAW_QUERY = [
  '%00',
  '%ED%A0%80',
  '%FF%FE',
  '%C0%80',
  '%',
  '%2',
  '%%',
  '%E2%80%AE',
  '+',
  '&&',
  '=',
  '%0A',
];

const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const hostileString = fc.oneof(
  // Controls and broken Unicode are what PostgreSQL refuses: drawn twice as often as the other classes.
  ...Object.entries(HOSTILE_TEXT).map(([name, texts]) => ({
    weight: name === 'controls' || name === 'surrogates' ? 2 : 1,
    arbitrary: fc.constantFrom(...texts),
  })),
  { weight: 1, arbitrary: fc.string({ unit: utf16Unit, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);
const hostileNumber = fc.oneof(
  fc.constantFrom(...NUMBERS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { a: '\u0000' }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** A value shaped by the schema (often valid, sometimes at its bounds). */
function shaped(schema: Schema, pools: Pools): fc.Arbitrary<unknown> {
  const variants = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (variants) return fc.oneof(...variants.map((s) => shaped(s, pools)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const min = schema.minimum as number | undefined;
  const max = schema.maximum as number | undefined;
  switch (schema.type) {
    case 'string':
      if (schema.format === 'date') return fc.constantFrom(...DATES);
      if (schema.format === 'date-time') return fc.constantFrom(...DATE_TIMES);
      if (schema.pattern === '^[0-9]{15}$')
        return fc.constantFrom('440112000000000', '440112001000000', '440112001001000', '000000000000000');
      return fc.oneof(
        fc.constantFrom('测试', '黄埔东路', '23号', '3栋502房', '张三', 'manufacturing', '本人', '汉族'),
        fc.string({
          minLength: (schema.minLength as number) ?? 0,
          maxLength: (schema.maxLength as number) ?? 20,
        }),
      );
    case 'integer': {
      const range = fc.integer({ min: min ?? -1_000_000, max: Math.min(max ?? 1_000_000, 1_000_000) });
      // Small ranges (limits, counts) are their own; open ones are ids, drawn from existing rows.
      if (max !== undefined && max <= 1_000_000) return range;
      return fc.oneof(fc.constantFrom(...(pools.ids.length ? pools.ids : [1])), range);
    }
    case 'number':
      return fc.double({ min: min ?? -1e6, max: max ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(nearValue((schema.items as Schema) ?? {}, pools), { maxLength: 4 });
    case 'object':
      return objectOf(schema, pools, true);
    default:
      return hostileValue;
  }
}

const nearValue = (schema: Schema, pools: Pools) =>
  fc.oneof({ weight: 6, arbitrary: shaped(schema, pools) }, { weight: 1, arbitrary: hostileValue });

/**
 * An object of shaped values in which at most one field is hostile: one bad field per request, so each
 * refusal is about that field and the other requests get past validation to the rules and the database.
 */
function objectOf(schema: Schema, pools: Pools, allKeys: boolean) {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const keys = Object.keys(properties);
  const model = Object.fromEntries(keys.map((k) => [k, shaped(properties[k]!, pools)]));
  const base = fc.record(model, allKeys ? {} : { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
  if (keys.length === 0) return base;
  return fc
    .tuple(base, fc.option(fc.tuple(fc.constantFrom(...keys), hostileValue), { freq: 2 }))
    .map(([o, bad]) => (bad ? { ...o, [bad[0]]: bad[1] } : o));
}

/** The request body as sent on the wire: JSON of a shaped object, arbitrary JSON, or broken JSON. */
function bodyOf(schema: Schema | undefined, pools: Pools): fc.Arbitrary<string | undefined> {
  const junk = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc.constantFrom(
      '',
      '{',
      '{"a":',
      'null',
      '[]',
      '"\\u0000"',
      '{"__proto__":{"x":1}}',
      '{"a":1,"a":2}',
      '1e999',
    ),
  );
  if (!schema)
    return fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: junk });
  const keys = Object.keys((schema.properties ?? {}) as Schema);
  // One hostile field alone: what a partial update sends, and the shortest way to the database.
  const single = keys.length
    ? fc.tuple(fc.constantFrom(...keys), hostileValue).map(([k, v]) => JSON.stringify({ [k]: v }))
    : junk;
  const withExtra = fc
    .tuple(
      objectOf(schema, pools, false),
      fc.constantFrom('extra', 'id', '__proto__', 'name\u0000'),
      hostileValue,
    )
    .map(([o, k, v]) => ({ ...o, [k]: v }));
  return fc.oneof(
    { weight: 4, arbitrary: objectOf(schema, pools, true).map((o) => JSON.stringify(o)) },
    { weight: 2, arbitrary: objectOf(schema, pools, false).map((o) => JSON.stringify(o)) },
    { weight: 4, arbitrary: single },
    { weight: 1, arbitrary: withExtra.map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: junk },
  );
}

/** Percent-encodes UTF-8 bytes; a lone surrogate becomes U+FFFD, so raw invalid bytes are added separately. */
const encode = (text: string) =>
  [...Buffer.from(text, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');

function queryValue(name: string, schema: Schema, pools: Pools): fc.Arbitrary<string> {
  const cursor = fc.oneof(
    fc.constantFrom(...(pools.cursors.length ? pools.cursors : ['x'])),
    fc.constantFrom(...pools.cursors.map((c) => `${c.slice(0, -2)}AA`), 'bogus', 'WzEsMl0', 'WyJ4IiwxXQ'),
    fc.uint8Array({ minLength: 0, maxLength: 80 }).map((b) => Buffer.from(b).toString('base64url')),
  );
  const shapedText = shaped(schema, pools).map((v) => encode(String(v)));
  const hostileText = fc.oneof(
    { weight: 3, arbitrary: hostileString.map(encode) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERY) },
  );
  return name === 'cursor' ? fc.oneof(cursor.map(encode), hostileText) : fc.oneof(shapedText, hostileText);
}

const shapedQuery = (name: string, schema: Schema, pools: Pools) =>
  shaped(schema, pools).map((v) => `${name}=${encode(String(v))}`);

/** Query parameters: a few shaped ones, and at most one hostile (a cursor is always a suspect). */
function queryOf(query: Record<string, Schema>, pools: Pools): fc.Arbitrary<string[]> {
  const all = Object.keys(query);
  if (all.length === 0) return fc.constant([]);
  const required = all.filter((n) => query[n]![REQUIRED]);
  const optional = all.filter((n) => n !== 'cursor' && !query[n]![REQUIRED]);
  const good = fc
    .subarray(optional, { maxLength: Math.min(3, optional.length) })
    .chain((picked) => fc.tuple(...[...required, ...picked].map((n) => shapedQuery(n, query[n]!, pools))));
  // `freq: n` leaves the option out once in n: half the requests carry one hostile parameter.
  const bad = fc.option(
    fc.constantFrom(...all).chain((n) => queryValue(n, query[n]!, pools).map((v) => `${n}=${v}`)),
    { nil: undefined, freq: 2 },
  );
  return fc.tuple(good, bad).map(([g, b]) => (b ? [...g, b] : [...g]));
}

const PARAM_VALUES = [
  '0',
  '-1',
  '2147483647',
  '2147483648',
  '99999999999999999999',
  'abc',
  '1.5',
  '%00',
  '%FF',
  '1e3',
  '%20',
  '0x1F',
];
const AREA_CODES = ['440112000000000', '440112001000000', '44011200100000', '4401120010000001', '%00'];

/** One request to the route: its URL (path and query) and body. */
export function requestArbitrary(route: RouteShape, pools: Pools) {
  const params = route.params.map((p) =>
    p === 'code'
      ? fc.constantFrom(...AREA_CODES)
      : fc.oneof(
          {
            weight: 4,
            arbitrary: fc.constantFrom(...(pools.own.length ? pools.own : pools.ids).map(String)),
          },
          { weight: 1, arbitrary: fc.constantFrom(...pools.ids.map(String)) },
          { weight: 2, arbitrary: fc.constantFrom(...PARAM_VALUES) },
        ),
  );
  const strayQuery = fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'unknown=1',
        'limit=1&limit=2',
        'q[]=a',
        'area=1&area=2',
        '__proto__=x',
        'sort=id%00',
      ),
    },
  );
  return fc
    .tuple(fc.tuple(...params), queryOf(route.query, pools), strayQuery, bodyOf(route.body, pools))
    .map(([paramValues, query, stray, body]) => {
      let path = route.url;
      route.params.forEach((p, i) => {
        path = path.replace(`:${p}`, paramValues[i]!);
      });
      const qs = [...query, stray].filter(Boolean).join('&');
      return { url: qs ? `${path}?${qs}` : path, body };
    });
}
