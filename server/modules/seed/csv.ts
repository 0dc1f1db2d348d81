// CSV for COPY ... WITH (FORMAT csv): an empty unquoted field is NULL, "" is the empty string.
// Rows are encoded straight into one growing UTF-16 buffer per batch: building hundreds of thousands of
// lines as JavaScript strings costs more in garbage collection than in encoding, and UTF-16 turns into
// a string by plain copy, where UTF-8 with Chinese text would take the slow decoding path.

export type Row = readonly unknown[];

const QUOTE = 0x22;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

export class CsvWriter {
  private bytes: Buffer;
  private units: Uint16Array;
  private length = 0;
  rows = 0;

  constructor(initialUnits = 1 << 20) {
    this.bytes = Buffer.allocUnsafeSlow(initialUnits * 2);
    this.units = new Uint16Array(this.bytes.buffer, this.bytes.byteOffset, initialUnits);
  }

  /** Characters (UTF-16 code units) written so far. */
  get size(): number {
    return this.length;
  }

  row(values: Row): this {
    for (let i = 0; i < values.length; i++) {
      if (i > 0) this.unit(COMMA);
      this.value(values[i]);
    }
    this.unit(NEWLINE);
    this.rows++;
    return this;
  }

  /** The CSV text written so far; the writer is empty afterwards and can be reused. */
  take(): string {
    const text = this.bytes.toString('utf16le', 0, this.length * 2);
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
        this.text(String(value));
        return;
      case 'boolean':
        this.unit(value ? 0x74 : 0x66);
        return;
      default:
        if (Buffer.isBuffer(value)) this.bytea(value);
        else if (Array.isArray(value)) this.quoted(arrayLiteral(value));
        else this.quoted(JSON.stringify(value));
    }
  }

  private quoted(text: string): void {
    this.unit(QUOTE);
    this.text(text.includes('"') ? text.replaceAll('"', '""') : text);
    this.unit(QUOTE);
  }

  private text(text: string): void {
    const n = text.length;
    this.reserve(n);
    // Most values are short: a plain loop beats the native call's overhead by far.
    if (n <= 64) {
      const units = this.units;
      const at = this.length;
      for (let i = 0; i < n; i++) units[at + i] = text.charCodeAt(i);
    } else {
      this.bytes.write(text, this.length * 2, 'utf16le');
    }
    this.length += n;
  }

  /** bytea in hex format: \x0a1b… */
  private bytea(data: Buffer): void {
    this.reserve(2 + data.length * 2);
    const out = this.units;
    let at = this.length;
    out[at++] = 0x5c;
    out[at++] = 0x78;
    for (let i = 0; i < data.length; i++) {
      const b = data[i]!;
      out[at++] = HEX[b >> 4]!;
      out[at++] = HEX[b & 15]!;
    }
    this.length = at;
  }

  private unit(code: number): void {
    this.reserve(1);
    this.units[this.length++] = code;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.units.length) return;
    const capacity = Math.max(this.units.length * 2, this.length + extra);
    const grown = Buffer.allocUnsafeSlow(capacity * 2);
    this.bytes.copy(grown, 0, 0, this.length * 2);
    this.bytes = grown;
    this.units = new Uint16Array(grown.buffer, grown.byteOffset, capacity);
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
