export interface ChangeLine {
  field: string;
  label: string;
  text: string;
}

export interface DescribeOptions {
  /** Field name → its label. */
  label: (field: string) => string;
  /** A scalar value of a field as shown to people (enum labels, "(hidden)" for encrypted data). */
  value: (field: string, value: string) => string;
  /** For a creation only the new values are worth showing. */
  onlyNew?: boolean;
}

const MAX_CHANGES = 12;
/** Placement follows from the address or house a record points at (shown as its area): its ids say nothing. */
const PLACEMENT = new Set(['districtId', 'streetId', 'communityId', 'gridId']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pair(value: unknown): [unknown, unknown] | null {
  if (Array.isArray(value) && value.length === 2) return [value[0], value[1]];
  if (isRecord(value)) {
    for (const [a, b] of [
      ['from', 'to'],
      ['old', 'new'],
      ['before', 'after'],
    ] as const) {
      if (a in value || b in value) return [value[a], value[b]];
    }
  }
  return null;
}

/**
 * Turn a history row's `changes` into readable lines. Accepts `{ field: [old, new] }` (what the server
 * writes), `{ field: { from, to } }`, `{ field: value }` and `[{ field, from, to }]`.
 */
export function describeChanges(changes: unknown, opts: DescribeOptions): ChangeLine[] {
  const show = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'string') return opts.value(field, v);
    if (typeof v === 'number' || typeof v === 'boolean') return opts.value(field, String(v));
    const json = JSON.stringify(v);
    return json.length > 80 ? `${json.slice(0, 77)}…` : json;
  };
  const line = (field: string, value: unknown): ChangeLine => {
    const p = pair(value);
    const text = !p
      ? show(field, value)
      : opts.onlyNew
        ? show(field, p[1])
        : `${show(field, p[0])} → ${show(field, p[1])}`;
    return { field, label: opts.label(field), text };
  };

  const lines: ChangeLine[] = [];
  if (Array.isArray(changes)) {
    for (const item of changes) {
      if (isRecord(item) && typeof item.field === 'string') lines.push(line(item.field, item));
    }
  } else if (isRecord(changes)) {
    for (const [field, value] of Object.entries(changes)) {
      if (PLACEMENT.has(field)) continue;
      // Personal data is recorded twice: encrypted ("(hidden)") and masked; the masked one says more.
      if (`${field}Masked` in changes) continue;
      const shown = field.endsWith('Masked') ? field.slice(0, -'Masked'.length) : field;
      lines.push({ ...line(shown, value), field });
    }
  }
  if (lines.length > MAX_CHANGES) {
    return [
      ...lines.slice(0, MAX_CHANGES),
      { field: '…', label: '…', text: `+${lines.length - MAX_CHANGES}` },
    ];
  }
  return lines;
}
