// One batch of the demo load's personal values, encrypted and hashed on a worker thread (cipher-pool.ts).
import { createPiiCipher, type PiiKeys } from '../../lib/pii';

export type CipherTask = {
  /** The keys themselves (a cipher object cannot cross threads); Buffers arrive as Uint8Arrays. */
  keys: PiiKeys;
  plains: string[];
  /** Per value: 0 for its search HMAC, k > 0 to encrypt it bound to places[k - 1] and rowIds[i]. */
  place: Uint8Array;
  places: { table: string; column: string }[];
  rowIds: Float64Array;
};

/** All outputs in one buffer; value i is bytes[ends[i - 1] ?? 0 .. ends[i]). */
export type CipherResult = { bytes: Uint8Array; ends: Uint32Array };

export function runCipherTask(task: CipherTask): CipherResult {
  const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const pii = createPiiCipher({
    encryptionKeys: Object.fromEntries(
      Object.entries(task.keys.encryptionKeys).map(([version, key]) => [version, asBuffer(key)]),
    ),
    currentVersion: task.keys.currentVersion,
    hmacKey: asBuffer(task.keys.hmacKey),
  });
  const n = task.plains.length;
  const outputs = new Array<Buffer>(n);
  const ends = new Uint32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const plain = task.plains[i]!;
    const place = task.place[i]!;
    const output =
      place === 0
        ? pii.hmac(plain)
        : pii.encrypt(plain, { ...task.places[place - 1]!, rowId: task.rowIds[i]! });
    outputs[i] = output;
    total += output.length;
    ends[i] = total;
  }
  const bytes = Buffer.allocUnsafeSlow(total);
  let at = 0;
  for (const output of outputs) at += output.copy(bytes, at);
  return { bytes, ends };
}
