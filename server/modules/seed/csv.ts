// CSV lines for COPY ... WITH (FORMAT csv): empty unquoted = NULL, "" = empty string.

export type Row = readonly unknown[];

function quote(text: string): string {
  return text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;
}

function arrayLiteral(items: readonly unknown[]): string {
  return `{${items.map((item) => `"${String(item).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

export function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`csv: non-finite number ${value}`);
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
    default:
      if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
      if (Array.isArray(value)) return quote(arrayLiteral(value));
      return quote(JSON.stringify(value));
  }
}

export function csvLine(row: Row): string {
  let line = csvValue(row[0]);
  for (let i = 1; i < row.length; i++) line += `,${csvValue(row[i])}`;
  return `${line}\n`;
}
