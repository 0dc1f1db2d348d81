import { eq, isNotNull, sql } from 'drizzle-orm';
import { execRows } from '../../db/client';
import { accounts } from '../../db/schema';
import { conflict, invalidField } from '../../lib/errors';
import { appendAudit } from '../audit';
import { type Actor, actorLabel } from './actor';
import type { AuthDeps } from './service';
import { createSession, revokeSessions } from './sessions';
import { matchTotpStep, newTotpSecret, TOTP_DIGITS, TOTP_PERIOD_SECONDS, totpUri } from './totp';
import { openTotpSecret, sealTotpSecret } from './two-factor';

const alreadyEnrolled = () =>
  conflict(
    'totp_already_enrolled',
    'Two-factor sign-in is already set up for this account',
    '该账号已设置双因素登录',
  );

/** A fresh secret for the account, kept (encrypted) as pending until a code from it confirms it. */
export async function setupTotp({ db, pii }: AuthDeps, actor: Actor) {
  const [row] = await db.orm
    .select({ enrolled: isNotNull(accounts.totpEnrolledAt) })
    .from(accounts)
    .where(eq(accounts.id, actor.accountId));
  if (row?.enrolled) throw alreadyEnrolled();
  const secret = newTotpSecret();
  await db.orm
    .update(accounts)
    .set({ totpPendingSecret: sealTotpSecret(pii, actor.accountId, 'totp_pending_secret', secret) })
    .where(eq(accounts.id, actor.accountId));
  return {
    secret,
    uri: totpUri(secret, actor.username),
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  };
}

/**
 * Enrols the pending secret when `code` is one of its codes. The session this was asked in ends and a
 * new, unlimited one replaces it (a new token on a change of privilege); audited.
 */
export async function confirmTotp(deps: AuthDeps, actor: Actor, code: string, requestId: string) {
  const { db, config, pii } = deps;
  const [row] = await db.query<{ enrolled: boolean; pending: Uint8Array | null }>(
    `SELECT totp_enrolled_at IS NOT NULL AS enrolled, totp_pending_secret AS pending
       FROM accounts WHERE id = $1`,
    [actor.accountId],
  );
  if (row?.enrolled) throw alreadyEnrolled();
  if (!row?.pending) throw conflict('totp_setup_missing', 'Start the set-up first', '请先开始设置双因素登录');
  const secret = openTotpSecret(pii, actor.accountId, 'totp_pending_secret', row.pending);
  const step = matchTotpStep(secret, code);
  if (step === null)
    throw invalidField(
      'code',
      'does not match: enter the current code of the app',
      '验证码不正确，请输入应用当前显示的验证码',
    );
  const sealed = sealTotpSecret(pii, actor.accountId, 'totp_secret', secret);
  return db.orm.transaction(async (tx) => {
    const enrolled = await execRows(
      tx,
      sql`UPDATE accounts SET totp_secret = ${sealed}, totp_enrolled_at = now(), totp_last_step = ${step},
                 totp_pending_secret = NULL
           WHERE id = ${actor.accountId} AND totp_enrolled_at IS NULL RETURNING id`,
    );
    if (enrolled.length === 0) throw alreadyEnrolled();
    await revokeSessions(tx, { sessionId: actor.sessionId });
    const session = await createSession(tx, config, actor.accountId, actor.sessionKind);
    await appendAudit(tx, {
      actorId: actor.accountId,
      actor: actorLabel(actor),
      action: 'totp.enrol',
      objectType: 'account',
      objectId: actor.accountId,
      requestId,
    });
    return session;
  });
}
