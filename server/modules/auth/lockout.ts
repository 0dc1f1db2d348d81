import { sql } from 'drizzle-orm';
import type { Config } from '../../config';
import { type Database, execRows, type Orm } from '../../db/client';
import { DomainError } from '../../lib/errors';

/**
 * Sign-in throttling kept in the database, so that several API processes agree:
 * - a lock per (username, client address), whether the username exists or not, so that locks tell
 *   nothing about which names are real and one client cannot lock a whole office out;
 * - each lock of the same pair lasts twice the previous one (loginLockMinutes × 2^n, up to
 *   loginLockMaxMinutes); a day without failures forgets the history;
 * - a fixed-window rate limit of sign-in attempts per client address and minute; attempts whose password
 *   was right are given back, so the limit counts guesses.
 */
export interface LoginAttempt {
  username: string;
  client: string;
}

const FORGET_AFTER = "interval '1 day'";

export const rateLimitedError = () =>
  new DomainError(429, 'rate_limited', {
    en: 'Too many sign-in attempts from this address; wait a minute and try again',
    zh: '该地址登录尝试过于频繁，请稍候一分钟再试',
  });

export function lockedError(secondsLeft: number) {
  const minutes = Math.max(1, Math.ceil(secondsLeft / 60));
  return new DomainError(429, 'account_locked', {
    en: `Too many failed sign-ins: try again in ${minutes} min`,
    zh: `登录失败次数过多，请 ${minutes} 分钟后再试`,
  });
}

/** Counts an attempt of this client in the current minute: `over` past the limit, `first` for the first one over. */
export async function countAttempt(
  db: Database,
  client: string,
  limit: number,
): Promise<{ over: boolean; first: boolean }> {
  const [row] = await db.query<{ attempts: number }>(
    `INSERT INTO login_rate (client, window_start, attempts) VALUES ($1, date_trunc('minute', now()), 1)
     ON CONFLICT (client, window_start) DO UPDATE SET attempts = login_rate.attempts + 1
     RETURNING attempts`,
    [client],
  );
  const attempts = row?.attempts ?? 1;
  // The first attempt of a client in a minute clears old windows: the table stays small.
  if (attempts === 1)
    await db.query("DELETE FROM login_rate WHERE window_start < now() - interval '5 minutes'");
  return { over: attempts > limit, first: attempts === limit + 1 };
}

/**
 * Gives back the attempt of a client whose password proved right (signed in, or asked for its second
 * factor): the limit counts guesses, so an office behind one address can sign in at 8 a.m.
 */
export async function refundAttempt(db: Orm | Database, client: string): Promise<void> {
  const query = sql`UPDATE login_rate SET attempts = attempts - 1
                     WHERE client = ${client} AND window_start = date_trunc('minute', now()) AND attempts > 0`;
  if ('orm' in db) await db.orm.execute(query);
  else await db.execute(query);
}

/** Seconds left of this pair's lock, or null when it is not locked. */
export async function lockSecondsLeft(db: Database, attempt: LoginAttempt): Promise<number | null> {
  const [row] = await db.query<{ left: number }>(
    `SELECT extract(epoch FROM locked_until - now())::float8 AS left FROM login_throttle
      WHERE username = $1 AND client = $2 AND locked_until > now()`,
    [attempt.username, attempt.client],
  );
  return row ? Number(row.left) : null;
}

/**
 * Records a failed attempt; when it reaches the limit the pair is locked. Returns the failures counted
 * so far and, when this failure locked the pair, the lock's length in seconds.
 */
export async function recordFailure(
  db: Database,
  config: Config,
  attempt: LoginAttempt,
): Promise<{ failures: number; lockSeconds: number | null }> {
  return db.orm.transaction(async (tx) => {
    await tx.execute(
      sql`INSERT INTO login_throttle (username, client) VALUES (${attempt.username}, ${attempt.client})
          ON CONFLICT (username, client) DO NOTHING`,
    );
    const [row] = await execRows<{ failures: number; strikes: number; stale: boolean }>(
      tx,
      sql`SELECT failures, strikes, last_failure_at < now() - ${sql.raw(FORGET_AFTER)} AS stale
            FROM login_throttle WHERE username = ${attempt.username} AND client = ${attempt.client}
           FOR UPDATE`,
    );
    const failures = row!.stale ? 1 : row!.failures + 1;
    const strikes = row!.stale ? 0 : row!.strikes;
    const locking = failures >= config.loginMaxFailures;
    const lockMinutes = Math.min(config.loginLockMinutes * 2 ** strikes, config.loginLockMaxMinutes);
    await tx.execute(
      sql`UPDATE login_throttle
             SET failures = ${locking ? 0 : failures}, strikes = ${locking ? strikes + 1 : strikes},
                 locked_until = CASE WHEN ${locking} THEN now() + make_interval(mins => ${lockMinutes})
                                     ELSE locked_until END,
                 last_failure_at = now()
           WHERE username = ${attempt.username} AND client = ${attempt.client}`,
    );
    if (locking)
      await tx.execute(
        sql`DELETE FROM login_throttle WHERE last_failure_at < now() - ${sql.raw(FORGET_AFTER)}
              AND (locked_until IS NULL OR locked_until < now())`,
      );
    return { failures, lockSeconds: locking ? lockMinutes * 60 : null };
  });
}

/** A successful sign-in forgets the pair's failures (and its back-off). */
export async function clearFailures(tx: Orm, attempt: LoginAttempt): Promise<void> {
  await tx.execute(
    sql`DELETE FROM login_throttle WHERE username = ${attempt.username} AND client = ${attempt.client}`,
  );
}
