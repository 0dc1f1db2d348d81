import { sql } from 'drizzle-orm';
import { type Database, execRows, type Orm } from '../../db/client';

/** One outbox row as handlers see it. */
export interface OutboxMessage {
  id: number;
  topic: string;
  recordId: number;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/**
 * Side effects of one outbox row, written through `tx`: the relay's transaction, which also marks the row
 * processed. A handler that throws rolls back its own writes (and the other handlers' of that row).
 */
export type OutboxHandler = (tx: Orm, message: OutboxMessage) => Promise<void>;
/** Topic → handlers, run in order. */
export type OutboxHandlers = Readonly<Record<string, readonly OutboxHandler[]>>;

/** Several modules' handler maps as one: a topic's handlers from each, in the order given. */
export function combineOutboxHandlers(...maps: OutboxHandlers[]): OutboxHandlers {
  const out: Record<string, OutboxHandler[]> = {};
  for (const map of maps)
    for (const [topic, list] of Object.entries(map)) out[topic] = [...(out[topic] ?? []), ...list];
  return out;
}

export interface RelayOptions {
  batchSize?: number;
  /** Failed attempts before a row is parked (kept unprocessed, with its error, for a person to look at). */
  maxAttempts?: number;
  now?: () => Date;
}

export interface RelayResult {
  processed: number;
  failed: number;
  parked: number;
}

const BASE_BACKOFF_SECONDS = 30;
const MAX_BACKOFF_SECONDS = 3600;

/** Seconds to wait after the n-th failure: 30 s, 1 min, 2 min … up to an hour. */
export const backoffSeconds = (attempts: number) =>
  Math.min(MAX_BACKOFF_SECONDS, BASE_BACKOFF_SECONDS * 2 ** Math.max(0, attempts - 1));

interface PendingRow {
  id: string | number;
  topic: string;
  record_id: string | number;
  payload: Record<string, unknown>;
  created_at: Date | string;
  attempts: number | null;
}

/**
 * Hands pending outbox rows, in id order and in batches, to the handlers of their topic. Each batch is one
 * transaction holding its rows FOR UPDATE SKIP LOCKED (a concurrent relay takes the next rows, never the same);
 * each row runs in a savepoint, and its `processed_at` is set in the same transaction as its handlers' writes,
 * so a row's effects commit exactly once — or, when the run dies first, not at all and the row stays pending.
 * A failing row is rolled back to its savepoint, retried later with backoff, and parked after `maxAttempts`;
 * the rows after it go on. A topic nobody handles is marked processed as it is.
 */
export async function relayOutbox(
  db: Database,
  handlers: OutboxHandlers,
  options: RelayOptions = {},
): Promise<RelayResult> {
  const batchSize = options.batchSize ?? 100;
  const maxAttempts = options.maxAttempts ?? 8;
  const now = options.now ?? (() => new Date());
  const total: RelayResult = { processed: 0, failed: 0, parked: 0 };
  for (;;) {
    const batch = await db.orm.transaction(async (tx) => {
      const at = now();
      const rows = await execRows<PendingRow>(
        tx,
        sql`SELECT o.id, o.topic, o.record_id, o.payload, o.created_at, f.attempts
              FROM outbox o LEFT JOIN outbox_attempts f ON f.outbox_id = o.id
             WHERE o.processed_at IS NULL
               AND (f.outbox_id IS NULL OR (f.parked_at IS NULL AND f.next_attempt_at <= ${at}))
             ORDER BY o.id LIMIT ${batchSize}
               FOR UPDATE OF o SKIP LOCKED`,
      );
      for (const row of rows) {
        const outcome = await relayRow(tx, handlers, row, at, maxAttempts);
        total[outcome] += 1;
      }
      return rows.length;
    });
    if (batch < batchSize) return total;
  }
}

async function relayRow(
  tx: Orm,
  handlers: OutboxHandlers,
  row: PendingRow,
  at: Date,
  maxAttempts: number,
): Promise<keyof RelayResult> {
  const message: OutboxMessage = {
    id: Number(row.id),
    topic: row.topic,
    recordId: Number(row.record_id),
    payload: row.payload ?? {},
    createdAt: new Date(row.created_at),
  };
  try {
    await tx.transaction(async (savepoint) => {
      for (const handle of handlers[message.topic] ?? []) await handle(savepoint, message);
      await savepoint.execute(sql`UPDATE outbox SET processed_at = ${at} WHERE id = ${message.id}`);
    });
    return 'processed';
  } catch (error) {
    const attempts = (row.attempts ?? 0) + 1;
    const parked = attempts >= maxAttempts;
    const text = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);
    const next = new Date(at.getTime() + backoffSeconds(attempts) * 1000);
    await tx.execute(
      sql`INSERT INTO outbox_attempts (outbox_id, attempts, last_error, next_attempt_at, parked_at)
          VALUES (${message.id}, ${attempts}, ${text}, ${next}, ${parked ? at : null})
          ON CONFLICT (outbox_id) DO UPDATE SET attempts = excluded.attempts, last_error = excluded.last_error,
            next_attempt_at = excluded.next_attempt_at, parked_at = excluded.parked_at`,
    );
    return parked ? 'parked' : 'failed';
  }
}
