// CSV for COPY ... WITH (FORMAT csv): an empty unquoted field is NULL, "" is the empty string.
// Rows are encoded straight into one growing byte buffer per batch: building hundreds of thousands of
// lines as JavaScript strings costs more in garbage collection than in encoding.

export type Row = readonly unknown[];

const QUOTE = 0x22;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const HEX = Buffer.from('0123456789abcdef', 'latin1');

export class CsvWriter {
  private buffer: Buffer;
  private length = 0;
  rows = 0;

  constructor(initialBytes = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  get bytes(): number {
    return this.length;
  }

  row(values: Row): this {
    for (let i = 0; i < values.length; i++) {
      if (i > 0) this.byte(COMMA);
      this.value(values[i]);
    }
    this.byte(NEWLINE);
    this.rows++;
    return this;
  }

  /** The CSV text written so far; the writer is empty afterwards and can be reused. */
  take(): string {
    const text = this.buffer.toString('utf8', 0, this.length);
    this.length = 0;
    this.rows = 0;
    return text;
  }

  private value(value: unknown): void {
    if (value === null || value === undefined) return;
    switch (typeof value) {
      case 'string':
        this.quoted(value);
        return;
      case 'number':
        if (!Number.isFinite(value)) throw new Error(`csv: non-finite number ${value}`);
        this.raw(String(value));
        return;
      case 'boolean':
        this.byte(value ? 0x74 : 0x66);
        return;
      default:
        if (Buffer.isBuffer(value)) this.bytea(value);
        else if (Array.isArray(value)) this.quoted(arrayLiteral(value));
        else this.quoted(JSON.stringify(value));
    }
  }

  private quoted(text: string): void {
    const escaped = text.includes('"') ? text.replaceAll('"', '""') : text;
    this.reserve(escaped.length * 3 + 2);
    this.buffer[this.length++] = QUOTE;
    this.length += this.buffer.write(escaped, this.length, 'utf8');
    this.buffer[this.length++] = QUOTE;
  }

  private raw(ascii: string): void {
    this.reserve(ascii.length);
    this.length += this.buffer.write(ascii, this.length, 'latin1');
  }

  /** bytea in hex format: \x0a1b… */
  private bytea(bytes: Buffer): void {
    this.reserve(2 + bytes.length * 2);
    const out = this.buffer;
    let at = this.length;
    out[at++] = 0x5c;
    out[at++] = 0x78;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      out[at++] = HEX[b >> 4]!;
      out[at++] = HEX[b & 15]!;
    }
    this.length = at;
  }

  private byte(b: number): void {
    this.reserve(1);
    this.buffer[this.length++] = b;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + extra));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}

/** A PostgreSQL array literal with every element quoted: {"a","b\"c"}. */
function arrayLiteral(items: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < items.length; i++) {
    const text = String(items[i]);
    const escaped = /["\\]/.test(text) ? text.replaceAll('\\', '\\\\').replaceAll('"', '\\"') : text;
    out += `${i > 0 ? ',' : ''}"${escaped}"`;
  }
  return `${out}}`;
}

/** One CSV line as text, for small tables and tests. */
export function csvLine(row: Row): string {
  return new CsvWriter(256).row(row).take();
}
