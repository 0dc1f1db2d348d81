export interface ChangeLine {
  field: string;
  label: string;
  text: string;
}

const MAX_CHANGES = 12;

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One value or a before/after pair, whichever shape the history row uses. */
function describeValue(value: unknown): string {
  if (Array.isArray(value) && value.length === 2) return `${show(value[0])} → ${show(value[1])}`;
  if (isRecord(value)) {
    const before =
      'from' in value
        ? value.from
        : 'old' in value
          ? value.old
          : 'before' in value
            ? value.before
            : undefined;
    const after =
      'to' in value ? value.to : 'new' in value ? value.new : 'after' in value ? value.after : undefined;
    if (before !== undefined || after !== undefined) return `${show(before)} → ${show(after)}`;
  }
  return show(value);
}

/**
 * Turn a history row's `changes` into readable lines. Accepts `{ field: value }`,
 * `{ field: { from, to } }`, `{ field: [old, new] }` and `[{ field, from, to }]`.
 */
export function describeChanges(changes: unknown, label: (field: string) => string): ChangeLine[] {
  const lines: ChangeLine[] = [];
  if (Array.isArray(changes)) {
    for (const item of changes) {
      if (isRecord(item) && typeof item.field === 'string') {
        lines.push({ field: item.field, label: label(item.field), text: describeValue(item) });
      }
    }
  } else if (isRecord(changes)) {
    for (const [field, value] of Object.entries(changes)) {
      lines.push({ field, label: label(field), text: describeValue(value) });
    }
  }
  if (lines.length > MAX_CHANGES) {
    const rest = lines.length - MAX_CHANGES;
    return [...lines.slice(0, MAX_CHANGES), { field: '…', label: '…', text: `+${rest}` }];
  }
  return lines;
}
