import type { FastifyError, FastifyRequest } from 'fastify';
import type { Database } from '../../../db/client';
import { DomainError } from '../../../lib/errors';
import { appendAuditNow } from '../../audit';
import { actorLabel } from '../../auth';
import type { EntityDefinition } from './types';

/** A reason is real text: at least this many characters after trimming, two of them letters. */
const MIN_REASON_LENGTH = 4;

export function assertRealReason(reason: string) {
  const text = reason.trim();
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if ([...text].length >= MIN_REASON_LENGTH && letters >= 2) return;
  throw new DomainError(
    400,
    'invalid_reason',
    {
      en: `reason: say why you need to see it, in at least ${MIN_REASON_LENGTH} characters (it is kept in the audit trail)`,
      zh: `reason：请写明查看原因，至少 ${MIN_REASON_LENGTH} 个字（将记入审计日志）`,
    },
    'reason',
  );
}

/**
 * A refused reveal (wrong role, out of scope or missing record, bad reason, malformed request) leaves the same
 * kind of trace as a granted one, so that probing shows in the audit trail. Anonymous calls are not recorded:
 * they are refused before anything is looked at, and recording them would let anyone grow the chain.
 */
export async function auditRefusedReveal(
  db: Database,
  def: EntityDefinition,
  req: FastifyRequest,
  error: FastifyError,
) {
  if (!req.actor) return;
  const body = (req.body ?? {}) as { field?: unknown; reason?: unknown };
  const params = (req.params ?? {}) as { id?: unknown };
  await appendAuditNow(db, {
    actorId: req.actor.accountId,
    actor: actorLabel(req.actor),
    action: 'personal.reveal.refused',
    objectType: def.entity,
    objectId: String(params.id ?? '').slice(0, 20) || null,
    requestId: req.id,
    details: {
      field: typeof body.field === 'string' ? body.field.slice(0, 30) : null,
      reason: typeof body.reason === 'string' ? body.reason.slice(0, 200) : null,
      status: error instanceof DomainError ? error.statusCode : (error.statusCode ?? 500),
      code: error.code ?? (error.validation ? 'invalid_request' : 'error'),
    },
  });
}
