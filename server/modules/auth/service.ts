import { sql } from 'drizzle-orm';
import type { Config } from '../../config';
import { type Database, execRows } from '../../db/client';
import { DomainError, invalidField } from '../../lib/errors';
import { appendAudit, appendAuditNow } from '../audit/append';
import { type Actor, actorLabel } from './actor';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './passwords';
import { createSession, revokeSessions } from './sessions';

export interface AuthDeps {
  db: Database;
  config: Config;
}

const badCredentials = () =>
  new DomainError(401, 'bad_credentials', { en: 'Wrong username or password', zh: '用户名或密码错误' });

interface AccountRow {
  id: number;
  username: string;
  password_hash: string;
  locked_until: Date | null;
  disabled_at: Date | null;
}

/**
 * Checks a password and opens a session. Unknown names cost the same time as known ones; repeated
 * failures lock the account for a while. Every attempt is audited.
 */
export async function login(
  { db, config }: AuthDeps,
  input: { username: string; password: string; kind: 'cookie' | 'bearer'; requestId: string },
) {
  const [account] = await db.query<AccountRow & Record<string, unknown>>(
    'SELECT id, username, password_hash, locked_until, disabled_at FROM accounts WHERE username = $1',
    [input.username],
  );
  const attempt = { actorId: account?.id ?? null, objectType: 'account', requestId: input.requestId };
  if (!account || account.disabled_at) {
    await verifyPassword(await decoyHash(), input.password);
    await appendAuditNow(db, {
      ...attempt,
      actor: 'anonymous',
      action: 'login.failure',
      details: { username: input.username.slice(0, 64), reason: 'unknown or disabled account' },
    });
    throw badCredentials();
  }
  const label = `account:${account.id}:${account.username}`;
  if (account.locked_until && new Date(account.locked_until).getTime() > Date.now()) {
    await appendAuditNow(db, {
      ...attempt,
      actor: label,
      action: 'login.failure',
      objectId: account.id,
      details: { reason: 'locked' },
    });
    throw lockedError(new Date(account.locked_until));
  }
  if (!(await verifyPassword(account.password_hash, input.password))) {
    const [after] = await db.query<{ failed_logins: number; locked_until: Date | null }>(
      `UPDATE accounts SET failed_logins = failed_logins + 1,
              locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) END
        WHERE id = $1 RETURNING failed_logins, locked_until`,
      [account.id, config.loginMaxFailures, config.loginLockMinutes],
    );
    await appendAuditNow(db, {
      ...attempt,
      actor: label,
      action: 'login.failure',
      objectId: account.id,
      details: { reason: 'wrong password', failures: after?.failed_logins },
    });
    if (after?.locked_until) throw lockedError(new Date(after.locked_until));
    throw badCredentials();
  }
  return db.orm.transaction(async (tx) => {
    await tx.execute(
      sql`UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE id = ${account.id}`,
    );
    const session = await createSession(tx, config, account.id, input.kind);
    await appendAudit(tx, {
      ...attempt,
      actor: label,
      action: 'login.success',
      objectId: account.id,
      details: { kind: input.kind },
    });
    return session;
  });
}

function lockedError(until: Date) {
  const time = until.toISOString();
  return new DomainError(429, 'account_locked', {
    en: `Too many failed logins: the account is locked until ${time}`,
    zh: `登录失败次数过多，账号已锁定至 ${time}`,
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

/** Changes the password after checking the current one; every other session of the account ends. */
export async function changePassword(
  { db }: AuthDeps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  requestId: string,
) {
  const [row] = await db.query<{ password_hash: string }>(
    'SELECT password_hash FROM accounts WHERE id = $1',
    [actor.accountId],
  );
  if (!row || !(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw invalidField('currentPassword', 'is not your current password', '当前密码不正确');
  }
  const problem = passwordProblem(input.newPassword, actor.username);
  if (problem) throw invalidField('newPassword', problem.en, problem.zh);
  const hash = await hashPassword(input.newPassword);
  await db.orm.transaction(async (tx) => {
    await execRows(
      tx,
      sql`UPDATE accounts SET password_hash = ${hash}, password_changed_at = now() WHERE id = ${actor.accountId}`,
    );
    await revokeSessions(tx, { accountId: actor.accountId, except: actor.sessionId });
    await appendAudit(tx, {
      actorId: actor.accountId,
      actor: actorLabel(actor),
      action: 'password.change',
      objectType: 'account',
      objectId: actor.accountId,
      requestId,
    });
  });
}
