import { eq, sql } from 'drizzle-orm';
import type { Role } from '../../../core/policy/roles';
import type { Config } from '../../config';
import { type Database, execRows } from '../../db/client';
import { accounts } from '../../db/schema';
import { DomainError, invalidField } from '../../lib/errors';
import type { PiiCipher } from '../../lib/pii';
import { appendAudit, appendAuditNow } from '../audit';
import { type Actor, actorLabel } from './actor';
import {
  clearFailures,
  countAttempt,
  type LoginAttempt,
  lockedError,
  lockSecondsLeft,
  rateLimitedError,
  recordFailure,
  refundAttempt,
} from './lockout';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './passwords';
import { createSession, revokeSessions } from './sessions';
import { matchTotpStep } from './totp';
import { openTotpSecret, requiresTwoFactor } from './two-factor';

export interface AuthDeps {
  db: Database;
  config: Config;
  pii: PiiCipher;
}

const badCredentials = () =>
  new DomainError(401, 'bad_credentials', { en: 'Wrong username or password', zh: '用户名或密码错误' });
const totpRequired = () =>
  new DomainError(401, 'totp_required', {
    en: 'Enter the 6-digit code from your authenticator app',
    zh: '请输入身份验证器应用中的 6 位验证码',
  });
const badTotp = () =>
  new DomainError(401, 'bad_totp', {
    en: 'Wrong or already used code: wait for the next code and try again',
    zh: '验证码错误或已使用，请等待下一个验证码后重试',
  });

interface AccountRow {
  id: number;
  username: string;
  password_hash: string;
  role: Role;
  department_code: string | null;
  disabled_at: Date | null;
  totp_secret: Uint8Array | null;
  password_must_change: boolean;
}

export interface LoginInput {
  username: string;
  password: string;
  totp?: string;
  kind: 'cookie' | 'bearer';
  requestId: string;
  /** The client's address: locks and the rate limit are per address. */
  client: string;
}

/**
 * Checks a password (and, for an enrolled account, a one-time code) and opens a session. Known and
 * unknown usernames take the same path, time and answers: same hash work, same lock per (username,
 * client address), same messages. Every refusal is audited.
 */
export async function login(deps: AuthDeps, input: LoginInput) {
  const { db, config } = deps;
  const attempt: LoginAttempt = { username: input.username, client: input.client };
  const base = { objectType: 'account', requestId: input.requestId };
  const rate = await countAttempt(db, input.client, config.loginRateLimit);
  if (rate.over) {
    // One audit row per client and minute, not one per refused request: a flood must not flood the trail.
    if (rate.first)
      await appendAuditNow(db, {
        ...base,
        actorId: null,
        actor: 'anonymous',
        action: 'login.rate_limited',
        details: { client: input.client },
      });
    throw rateLimitedError();
  }
  const [row] = await db.query<AccountRow & Record<string, unknown>>(
    `SELECT a.id, a.username, a.password_hash, a.role, d.code AS department_code, a.disabled_at, a.totp_secret,
            a.password_must_change
       FROM accounts a LEFT JOIN departments d ON d.id = a.department_id WHERE a.username = $1`,
    [input.username],
  );
  const account = row && !row.disabled_at ? row : null;
  const who = account
    ? { actorId: account.id, actor: `account:${account.id}:${account.username}`, objectId: account.id }
    : { actorId: null, actor: 'anonymous', objectId: null };
  const refuse = async (reason: string, error: DomainError, counts = true): Promise<never> => {
    const failure = counts ? await recordFailure(db, config, attempt) : null;
    await appendAuditNow(db, {
      ...base,
      ...who,
      action: 'login.failure',
      details: {
        username: input.username.slice(0, 64),
        client: input.client,
        reason,
        ...(failure ? { failures: failure.failures } : {}),
        ...(failure?.lockSeconds ? { lockedForSeconds: failure.lockSeconds } : {}),
      },
    });
    throw failure?.lockSeconds ? lockedError(failure.lockSeconds) : error;
  };

  const locked = await lockSecondsLeft(db, attempt);
  if (locked !== null) return refuse('locked', lockedError(locked), false);
  const passwordOk = await verifyPassword(account?.password_hash ?? (await decoyHash()), input.password);
  if (!account || !passwordOk)
    return refuse(account ? 'wrong password' : 'unknown or disabled account', badCredentials());

  let secondFactor: 'totp' | 'none' = 'none';
  if (account.totp_secret) {
    if (!input.totp) {
      await refundAttempt(db, input.client);
      return refuse('second factor missing', totpRequired(), false);
    }
    const secret = openTotpSecret(deps.pii, account.id, 'totp_secret', account.totp_secret);
    const step = matchTotpStep(secret, input.totp);
    if (step === null) return refuse('wrong second factor', badTotp());
    // Claim the step atomically: of two requests with the same code (even in two processes) one wins.
    const claimed = await db.query(
      `UPDATE accounts SET totp_last_step = $2
        WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
      [account.id, step],
    );
    if (claimed.length === 0) return refuse('second factor replayed', badTotp());
    secondFactor = 'totp';
  }
  const enrolmentOnly =
    secondFactor === 'none' &&
    requiresTwoFactor({ role: account.role, departmentCode: account.department_code });

  return db.orm.transaction(async (tx) => {
    await clearFailures(tx, attempt);
    await refundAttempt(tx, input.client);
    const session = await createSession(tx, config, account.id, input.kind, enrolmentOnly);
    await execRows(tx, sql`UPDATE accounts SET last_login_at = now() WHERE id = ${account.id}`);
    await appendAudit(tx, {
      ...base,
      ...who,
      action: 'login.success',
      details: { kind: input.kind, client: input.client, secondFactor, enrolmentOnly },
    });
    return {
      ...session,
      totpEnrollmentRequired: enrolmentOnly,
      passwordChangeRequired: account.password_must_change,
    };
  });
}

export async function logout({ db }: AuthDeps, actor: Actor, requestId: string) {
  await db.orm.transaction(async (tx) => {
    await revokeSessions(tx, { sessionId: actor.sessionId });
    await appendAudit(tx, {
      actorId: actor.accountId,
      actor: actorLabel(actor),
      action: 'logout',
      objectType: 'account',
      objectId: actor.accountId,
      requestId,
    });
  });
}

/** Ends every session of the account, this one included ("sign out everywhere"). */
export async function endAllSessions({ db }: AuthDeps, actor: Actor, requestId: string) {
  await db.orm.transaction(async (tx) => {
    await revokeSessions(tx, { accountId: actor.accountId });
    await appendAudit(tx, {
      actorId: actor.accountId,
      actor: actorLabel(actor),
      action: 'logout.everywhere',
      objectType: 'account',
      objectId: actor.accountId,
      requestId,
    });
  });
}

/**
 * Changes the password after checking the current one (for a forced change: the one the administrator
 * gave); every other session of the account ends, and a forced change is fulfilled.
 */
export async function changePassword(
  { db }: AuthDeps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  requestId: string,
) {
  const [row] = await db.orm
    .select({ passwordHash: accounts.passwordHash })
    .from(accounts)
    .where(eq(accounts.id, actor.accountId));
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw invalidField('currentPassword', 'is not your current password', '当前密码不正确');
  }
  const problem = passwordProblem(input.newPassword, actor.username, input.currentPassword);
  if (problem) throw invalidField('newPassword', problem.en, problem.zh);
  const hash = await hashPassword(input.newPassword);
  await db.orm.transaction(async (tx) => {
    await execRows(
      tx,
      sql`UPDATE accounts SET password_hash = ${hash}, password_changed_at = now(), password_must_change = false
           WHERE id = ${actor.accountId}`,
    );
    await revokeSessions(tx, { accountId: actor.accountId, except: actor.sessionId });
    await appendAudit(tx, {
      actorId: actor.accountId,
      actor: actorLabel(actor),
      action: 'password.change',
      objectType: 'account',
      objectId: actor.accountId,
      requestId,
      details: { forced: actor.passwordChangeRequired },
    });
  });
}
