// The demo load's personal-data cipher on worker threads. Generators put a PendingPii in a row where the
// ciphertext or HMAC belongs; the loader hands each batch's pending values to the pool and writes the row
// once they are back, so generation, encryption and COPY overlap on different cores.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { PiiAad, PiiKeys } from '../../lib/pii';
import type { CipherResult, CipherTask } from './cipher-task';

/** A personal value to encrypt (bound to `aad`) or, with `aad` null, to hash for exact search. */
export class PendingPii {
  constructor(
    readonly plain: string,
    readonly aad: PiiAad | null,
  ) {}
}

/** What generators call: the row gets a PendingPii now and the bytes before its COPY. */
export const deferredCipher = {
  encrypt: (plain: string, aad: PiiAad) => new PendingPii(plain, aad),
  hmac: (normalised: string) => new PendingPii(normalised, null),
};

/** Threads beside the main one (which generates rows and, on PGlite, runs the database). */
export function defaultCipherThreads(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

export class CipherPool {
  private readonly pool: Piscina<CipherTask, CipherResult>;
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly keys: PiiKeys,
    readonly threads = defaultCipherThreads(),
  ) {
    this.pool = new Piscina({
      filename: new URL('./cipher-worker.mjs', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
    });
  }

  /** The outputs of `values`, in order; a batch is split over the threads. */
  async seal(values: readonly PendingPii[]): Promise<Buffer[]> {
    const size = Math.ceil(values.length / this.threads);
    const parts: Promise<Buffer[]>[] = [];
    for (let start = 0; start < values.length; start += size) {
      const slice = values.slice(start, start + size);
      const part = this.pool.run(this.task(slice));
      this.running.add(part);
      part.then(
        () => this.running.delete(part),
        () => this.running.delete(part),
      );
      parts.push(part.then(split));
    }
    return (await Promise.all(parts)).flat();
  }

  /** Waits for tasks still running (a load that failed may leave some), then stops the threads. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.running]);
    await this.pool.destroy();
  }

  private task(values: readonly PendingPii[]): CipherTask {
    const places: { table: string; column: string }[] = [];
    const placeIndex = new Map<string, number>();
    const place = new Uint8Array(values.length);
    const rowIds = new Float64Array(values.length);
    values.forEach(({ aad }, i) => {
      if (!aad) return;
      const key = `${aad.table}.${aad.column}`;
      let k = placeIndex.get(key);
      if (k === undefined) {
        k = places.push({ table: aad.table, column: aad.column });
        if (k > 255) throw new Error('cipher pool: more than 255 encrypted columns in one batch');
        placeIndex.set(key, k);
      }
      place[i] = k;
      rowIds[i] = aad.rowId;
    });
    return { keys: this.keys, plains: values.map((v) => v.plain), place, places, rowIds };
  }
}

function split({ bytes, ends }: CipherResult): Buffer[] {
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Array<Buffer>(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    out[i] = all.subarray(start, ends[i]);
    start = ends[i]!;
  }
  return out;
}
