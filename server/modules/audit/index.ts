import type { AuditKeys } from '../../lib/key-check';
import { boundaryCheck, setAuditKey } from './chain';

export { type AuditEntry, appendAudit, appendAuditNow } from './append';
export { setAuditKey } from './chain';
export { auditRoutes } from './routes';
export { type AuditAnchor, parseAnchor, verifyAuditChain } from './verify';

/** What the start-up key check (server/lib/key-check.ts) needs of the audit trail. */
export const auditKeys: AuditKeys = {
  use: setAuditKey,
  seal: (keyedFrom, key) => boundaryCheck(keyedFrom, key),
};
