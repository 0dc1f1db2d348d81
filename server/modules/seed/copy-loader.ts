// Streams generated rows into COPY batches, with the batches' personal values encrypted on the cipher pool.
import type { Database } from '../../db/client';
import { type CipherPool, PendingPii } from './cipher-pool';
import { CsvWriter, type Row } from './csv';

/** Rows (or characters) per COPY: large enough to amortise the statement, small enough to bound memory. */
const BATCH_ROWS = 25_000;
const BATCH_CHARS = 8 << 20;
/** Batches generated but not yet copied (one encrypting, one in COPY): bounds memory. */
const MAX_IN_FLIGHT = 2;
/** Yield to the event loop this often while generating, so a COPY in flight keeps streaming meanwhile. */
const YIELD_EVERY = 2_000;

/**
 * Streams steps into COPY batches. A batch's pending personal values go to the cipher pool, then the batch
 * becomes CSV and is copied after the previous one; meanwhile the next batch is generated.
 */
export class CopyLoader {
  private rows: Row[] = [];
  private chars = 0;
  private pending: PendingPii[] = [];
  /** Row and column of each pending value, flattened. */
  private cells: number[] = [];
  private last: Promise<void> = Promise.resolve();
  private readonly inFlight: Promise<void>[] = [];
  private readonly writer = new CsvWriter(BATCH_CHARS + (1 << 20));

  constructor(
    private readonly db: Database,
    private readonly pool: CipherPool | null,
    private readonly report: (rows: number, label: string) => void,
  ) {}

  async load(step: { table: string; columns: readonly string[]; rows: Iterable<Row> }): Promise<number> {
    let count = 0;
    for (const row of step.rows) {
      this.add(row);
      count++;
      if (this.rows.length >= BATCH_ROWS || this.chars >= BATCH_CHARS) {
        await this.send(step.table, step.columns);
      } else if (count % YIELD_EVERY === 0) {
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    if (this.rows.length > 0) await this.send(step.table, step.columns);
    return count;
  }

  private add(row: Row): void {
    const at = this.rows.push(row) - 1;
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (typeof value === 'string') {
        this.chars += value.length;
      } else if (value instanceof PendingPii) {
        this.pending.push(value);
        this.cells.push(at, c);
        this.chars += 2 * value.plain.length + 64;
      }
    }
  }

  private async send(table: string, columns: readonly string[]): Promise<void> {
    const { rows, pending, cells } = this;
    this.rows = [];
    this.pending = [];
    this.cells = [];
    this.chars = 0;
    if (pending.length > 0 && !this.pool)
      throw new Error('seed: pending personal values without a cipher pool');
    while (this.inFlight.length >= MAX_IN_FLIGHT) await this.inFlight.shift();
    const sealed = pending.length > 0 ? this.pool!.seal(pending) : Promise.resolve([]);
    const previous = this.last;
    const batch = (async () => {
      const outputs = await sealed;
      for (let i = 0; i < outputs.length; i++)
        (rows[cells[2 * i]!] as unknown[])[cells[2 * i + 1]!] = outputs[i];
      for (const row of rows) this.writer.row(row);
      const csv = this.writer.take();
      await previous; // foreign-key order: the previous batch is in first
      await this.db.copyCsv(table, columns, csv);
      this.report(rows.length, table);
    })();
    // Surface a failure at the next await of the loader, not as an unhandled rejection.
    batch.catch(() => undefined);
    this.last = batch;
    this.inFlight.push(batch);
  }

  async drain(): Promise<void> {
    await this.last;
    this.inFlight.length = 0;
  }
}
