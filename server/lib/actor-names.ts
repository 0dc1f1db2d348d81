import { inArray } from 'drizzle-orm';
import type { Role } from '../../core/policy/roles';
import type { Database } from '../db/client';
import { accounts } from '../db/schema';

/** Who an `account:<id>:<username>` label names, as people know them. */
export interface ActorName {
  actorName: string | null;
  actorRole: Role | null;
}

const ACCOUNT_LABEL = /^account:(\d{1,10}):/;

/** The account id inside an actor label, or null for `anonymous`, `system` and other labels. */
export function accountIdOf(label: string): number | null {
  const id = Number(ACCOUNT_LABEL.exec(label)?.[1]);
  return Number.isSafeInteger(id) && id > 0 && id <= 2147483647 ? id : null;
}

/**
 * Display names and roles of the accounts behind a page of actor labels, in one query. Labels of no account
 * (or of an account since removed) map to nulls, and the screen shows the label itself.
 */
export async function actorNames(
  db: Database,
  labels: readonly string[],
): Promise<(label: string) => ActorName> {
  const ids = [...new Set(labels.map(accountIdOf).filter((id) => id !== null))];
  const rows =
    ids.length === 0
      ? []
      : await db.orm
          .select({ id: accounts.id, displayName: accounts.displayName, role: accounts.role })
          .from(accounts)
          .where(inArray(accounts.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (label) => {
    const account = byId.get(accountIdOf(label) ?? 0);
    return { actorName: account?.displayName ?? null, actorRole: account?.role ?? null };
  };
}
