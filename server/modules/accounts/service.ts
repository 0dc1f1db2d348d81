import type { Static } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { execRows, type Orm } from '../../db/client';
import { conflict, DomainError, invalidField } from '../../lib/errors';
import { appendAudit } from '../audit';
import { type Actor, actorLabel, announceSessionChange, hashPassword, revokeSessions } from '../auth';
import { checkAssignment } from './assignment';
import type { AccountsDeps } from './deps';
import { type AccountRow, presentAccount } from './present';
import { accountInReach, loadDepartments } from './queries';
import { Reach } from './reach';
import type { CreateBody, UpdateBody } from './schemas';
import { temporaryPassword } from './temporary-password';

export const auditAccount = (
  tx: Orm,
  actor: Actor,
  action: string,
  objectId: number | null,
  requestId: string,
  details?: Record<string, unknown>,
) =>
  appendAudit(tx, {
    actorId: actor.accountId,
    actor: actorLabel(actor),
    action,
    objectType: 'account',
    objectId,
    requestId,
    ...(details ? { details } : {}),
  });

const notOnYourself = (what: { en: string; zh: string }) =>
  new DomainError(409, 'own_account', {
    en: `You cannot ${what.en} your own account; ask another administrator`,
    zh: `不能${what.zh}自己的账号，请联系其他管理员`,
  });

const firstProblem = (problems: ReturnType<typeof checkAssignment>['problems']) => {
  const p = problems[0];
  return p ? invalidField(p.field, p.message.en, p.message.zh) : null;
};

/** A new account with a temporary password (returned once) that must be changed at first sign-in. */
export async function createAccount(
  deps: AccountsDeps,
  actor: Actor,
  input: Static<typeof CreateBody>,
  requestId: string,
) {
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  return deps.db.orm.transaction(async (tx) => {
    const placed = checkAssignment(input, deps.areas, Reach.of(actor, deps.areas), await loadDepartments(tx));
    const problem = firstProblem(placed.problems);
    if (problem) throw problem;
    const [row] = await execRows<{ id: number }>(
      tx,
      sql`INSERT INTO accounts (username, display_name, password_hash, role, area_ids, department_id, password_must_change)
          VALUES (${input.username}, ${input.displayName}, ${hash}, ${input.role},
                  ${`{${placed.areaIds.join(',')}}`}::int[], ${placed.departmentId}, true)
          ON CONFLICT (username) DO NOTHING RETURNING id`,
    );
    if (!row)
      throw conflict(
        'username_taken',
        'username: is already taken',
        `用户名 ${input.username} 已被使用`,
        'username',
      );
    const id = Number(row.id);
    await auditAccount(tx, actor, 'account.create', id, requestId, {
      username: input.username,
      role: input.role,
      areaIds: placed.areaIds,
      departmentId: placed.departmentId,
    });
    const created = await accountInReach(tx, deps, actor, id);
    return { account: presentAccount(created, deps.areas, actor.accountId), temporaryPassword: password };
  });
}

/**
 * Display name, role, area (a move to another grid) and department. A change of role ends the account's
 * sessions (its privileges change: it signs in again, and enrols in two-factor sign-in if the new role
 * needs it); other changes reach its open sessions at once through the session-change notification.
 */
export async function updateAccount(
  deps: AccountsDeps,
  actor: Actor,
  id: number,
  input: Static<typeof UpdateBody>,
  requestId: string,
) {
  return deps.db.orm.transaction(async (tx) => {
    const before = await accountInReach(tx, deps, actor, id, true);
    const role = input.role ?? before.role;
    if (id === actor.accountId && role !== before.role)
      throw notOnYourself({ en: 'change the role of', zh: '修改' });
    const keepsPlace = input.role === undefined || input.role === before.role;
    const currentArea = deps.areas.byIdOrNull(before.area_ids[0])?.code;
    const placed = checkAssignment(
      {
        role,
        areaCode: input.areaCode ?? (keepsPlace ? currentArea : undefined),
        departmentId: input.departmentId ?? (keepsPlace ? (before.department_id ?? undefined) : undefined),
      },
      deps.areas,
      Reach.of(actor, deps.areas),
      await loadDepartments(tx),
    );
    const problem = firstProblem(placed.problems);
    if (problem) throw problem;
    const displayName = input.displayName ?? before.display_name;
    await execRows(
      tx,
      sql`UPDATE accounts SET display_name = ${displayName}, role = ${role},
            area_ids = ${`{${placed.areaIds.join(',')}}`}::int[], department_id = ${placed.departmentId}
          WHERE id = ${id}`,
    );
    if (role !== before.role) await revokeSessions(tx, { accountId: id });
    else await announceSessionChange(tx, `a:${id}`);
    const after = await accountInReach(tx, deps, actor, id).catch(() => null);
    await auditAccount(tx, actor, 'account.update', id, requestId, {
      changes: changes(before, {
        displayName,
        role,
        areaIds: placed.areaIds,
        departmentId: placed.departmentId,
      }),
    });
    return presentAccount(
      after ?? { ...before, display_name: displayName, role },
      deps.areas,
      actor.accountId,
    );
  });
}

function changes(
  before: AccountRow,
  after: { displayName: string; role: string; areaIds: number[]; departmentId: number | null },
) {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  const pairs: [string, unknown, unknown][] = [
    ['displayName', before.display_name, after.displayName],
    ['role', before.role, after.role],
    ['areaIds', before.area_ids, after.areaIds],
    ['departmentId', before.department_id, after.departmentId],
  ];
  for (const [key, from, to] of pairs)
    if (JSON.stringify(from) !== JSON.stringify(to)) out[key] = { from, to };
  return out;
}

/** Disabling ends every session of the account in the same transaction, in every process (see sessions.ts). */
export async function setDisabled(
  deps: AccountsDeps,
  actor: Actor,
  id: number,
  disabled: boolean,
  requestId: string,
) {
  return deps.db.orm.transaction(async (tx) => {
    if (disabled && id === actor.accountId) throw notOnYourself({ en: 'disable', zh: '停用' });
    await accountInReach(tx, deps, actor, id, true);
    await execRows(
      tx,
      disabled
        ? sql`UPDATE accounts SET disabled_at = coalesce(disabled_at, now()) WHERE id = ${id}`
        : sql`UPDATE accounts SET disabled_at = NULL WHERE id = ${id}`,
    );
    if (disabled) await revokeSessions(tx, { accountId: id });
    await auditAccount(tx, actor, disabled ? 'account.disable' : 'account.enable', id, requestId);
    return presentAccount(await accountInReach(tx, deps, actor, id), deps.areas, actor.accountId);
  });
}

/** A new temporary password (shown once) to be changed at the next sign-in; the account's sessions end. */
export async function resetPassword(deps: AccountsDeps, actor: Actor, id: number, requestId: string) {
  if (id === actor.accountId)
    throw notOnYourself({ en: 'reset the password of (change it instead)', zh: '重置' });
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  return deps.db.orm.transaction(async (tx) => {
    await accountInReach(tx, deps, actor, id, true);
    await execRows(
      tx,
      sql`UPDATE accounts SET password_hash = ${hash}, password_changed_at = now(), password_must_change = true
          WHERE id = ${id}`,
    );
    await revokeSessions(tx, { accountId: id });
    await auditAccount(tx, actor, 'account.password_reset', id, requestId);
    return { temporaryPassword: password };
  });
}

/**
 * Forgets the account's authenticator (lost phone): its next sign-in asks for the password only and then
 * enrols a new authenticator before anything else. Its sessions end.
 */
export async function resetTwoFactor(deps: AccountsDeps, actor: Actor, id: number, requestId: string) {
  if (id === actor.accountId) throw notOnYourself({ en: 'reset two-factor sign-in of', zh: '重置' });
  return deps.db.orm.transaction(async (tx) => {
    await accountInReach(tx, deps, actor, id, true);
    await execRows(
      tx,
      sql`UPDATE accounts SET totp_secret = NULL, totp_enrolled_at = NULL, totp_pending_secret = NULL,
            totp_last_step = NULL WHERE id = ${id}`,
    );
    await revokeSessions(tx, { accountId: id });
    await auditAccount(tx, actor, 'account.totp_reset', id, requestId);
    return presentAccount(await accountInReach(tx, deps, actor, id), deps.areas, actor.accountId);
  });
}
