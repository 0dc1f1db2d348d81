import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Role } from '../../../core/policy/roles';
import type { Config } from '../../config';
import { type Database, execRows, type Orm } from '../../db/client';
import { sessions } from '../../db/schema';
import { forgetEverywhereInProcess, SESSIONS_CHANNEL, sessionCacheOf } from './session-cache';

export const SESSION_COOKIE = 'gg_session';
export const CSRF_HEADER = 'x-csrf-token';

const hashToken = (token: string) => createHash('sha256').update(token).digest();

export interface SessionAccount {
  session_id: number;
  kind: 'cookie' | 'bearer';
  csrf_token: string;
  /** Signed in without the second factor it must enrol in: only the enrolment routes answer. */
  enrolment_only: boolean;
  /** The account's password was set by someone else: only the change-password routes answer. */
  password_must_change: boolean;
  last_seen_at: Date;
  account_id: number;
  username: string;
  display_name: string;
  role: Role;
  area_ids: number[];
  department_id: number | null;
  department_code: string | null;
  department_name: string | null;
}

/** A new session: the token goes to the client once; only its SHA-256 is stored. */
export async function createSession(
  tx: Orm,
  config: Config,
  accountId: number,
  kind: 'cookie' | 'bearer',
  enrolmentOnly = false,
) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expires = new Date(Date.now() + config.sessionAbsoluteHours * 3_600_000);
  const [row] = await execRows<{ id: number }>(
    tx,
    sql`INSERT INTO sessions (token_hash, account_id, kind, csrf_token, expires_at, enrolment_only)
        VALUES (${hashToken(token)}, ${accountId}, ${kind}, ${csrfToken}, ${expires.toISOString()}, ${enrolmentOnly})
        RETURNING id`,
  );
  return { token, csrfToken, sessionId: Number(row!.id), expiresAt: expires };
}

/**
 * The live session of a token with its account, or null: revoked, past its absolute expiry, idle too
 * long, or the account disabled. Refreshes last_seen_at at most once a minute (a write per request would
 * be waste). Answers from this process's cache when it can (see session-cache.ts): a request then costs
 * no database round trip for its caller's identity.
 */
export async function findSession(
  db: Database,
  config: Config,
  token: string,
): Promise<SessionAccount | null> {
  const tokenHash = hashToken(token);
  const cache = await sessionCacheOf<SessionAccount>(db);
  const cacheKey = tokenHash.toString('base64');
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const changesBefore = cache.changeCount;
  const [row] = await db.query<SessionAccount & { expires_at: Date } & Record<string, unknown>>(
    `SELECT s.id AS session_id, s.kind, s.csrf_token, s.enrolment_only, s.last_seen_at, s.expires_at, a.id AS account_id, a.username,
            a.display_name, a.role, a.area_ids, a.password_must_change, a.department_id, d.code AS department_code, d.name AS department_name
       FROM sessions s JOIN accounts a ON a.id = s.account_id LEFT JOIN departments d ON d.id = a.department_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND a.disabled_at IS NULL
        AND s.last_seen_at > now() - make_interval(mins => $2)`,
    [tokenHash, config.sessionIdleMinutes],
  );
  if (!row) return null;
  const lastSeen = new Date(row.last_seen_at);
  if (Date.now() - lastSeen.getTime() > 60_000) {
    await db.orm
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(eq(sessions.id, Number(row.session_id)));
  }
  const { expires_at, ...session } = { ...row, session_id: Number(row.session_id) };
  cache.set(
    cacheKey,
    {
      value: session,
      sessionId: session.session_id,
      accountId: session.account_id,
      expiresAt: new Date(expires_at).getTime(),
    },
    changesBefore,
  );
  return session;
}

/**
 * Tells every process that sessions ended or their account changed (`s:<session id>`, `a:<account id>`,
 * `*`), so that none answers from its cache any more; delivered when the transaction commits. Anything
 * that disables an account or changes its role, areas or department must call it in its transaction.
 */
export async function announceSessionChange(tx: Orm, change: string) {
  forgetEverywhereInProcess(change);
  await tx.execute(sql`SELECT pg_notify(${SESSIONS_CHANNEL}, ${change})`);
}

export async function revokeSessions(
  tx: Orm,
  where: { sessionId: number } | { accountId: number; except?: number },
) {
  if ('sessionId' in where) {
    await tx.execute(
      sql`UPDATE sessions SET revoked_at = now() WHERE id = ${where.sessionId} AND revoked_at IS NULL`,
    );
    await announceSessionChange(tx, `s:${where.sessionId}`);
    return;
  }
  await tx.execute(
    sql`UPDATE sessions SET revoked_at = now() WHERE account_id = ${where.accountId} AND revoked_at IS NULL
        AND id <> ${where.except ?? 0}`,
  );
  await announceSessionChange(tx, `a:${where.accountId}`);
}
