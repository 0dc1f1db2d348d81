import { sql } from 'drizzle-orm';
import { canReveal, type PersonalField, type RegistryResource } from '../../../core/policy/capabilities';
import type { Config } from '../../config';
import { type Database, execRows, type Orm } from '../../db/client';
import { DomainError } from '../../lib/errors';
import { appendAudit, appendAuditNow } from '../audit';
import { type Actor, actorLabel } from '../auth';

export type ReadKind = 'list' | 'get' | 'history' | 'identity_search';

/** What the registry engine asks of the personal-data record keeper; one per request. */
export interface PersonalAccess {
  /** Before an exact ID-number or phone search: refuses roles without the reveal right, and past the hourly limit. */
  identitySearch(resource: RegistryResource, entity: string, field: PersonalField): Promise<void>;
  /** After a read of personal records: one row with the ids, and the bulk-browsing alert. */
  recordRead(
    entity: string,
    kind: ReadKind,
    recordIds: number[],
    details?: Record<string, unknown>,
  ): Promise<void>;
}

export interface AccessDeps {
  db: Database;
  config: Config;
}

/** Nothing to keep: system work (seeding, benchmarks) without an account. */
export const unrecordedAccess: PersonalAccess = {
  identitySearch: async () => undefined,
  recordRead: async () => undefined,
};

export function personalAccessFor(deps: AccessDeps, actor: Actor, requestId: string): PersonalAccess {
  const who = { actorId: actor.accountId, actor: actorLabel(actor), requestId };
  return {
    async identitySearch(resource, entity, field) {
      if (!canReveal(actor, resource, field)) {
        await appendAuditNow(deps.db, {
          ...who,
          action: 'personal.identity_search.refused',
          objectType: entity,
          details: { field, reason: 'role' },
        });
        throw new DomainError(403, 'identity_search_forbidden', {
          en: `Your role may not look people up by exact ${field}; search by name instead`,
          zh: '您的角色无权按证件号码或电话精确查找，请按姓名查找',
        });
      }
      const [used] = await deps.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM personal_data_reads
          WHERE account_id = $1 AND kind = 'identity_search' AND at > now() - interval '1 hour'`,
        [actor.accountId],
      );
      if ((used?.n ?? 0) >= deps.config.identitySearchPerHour) {
        await appendAuditNow(deps.db, {
          ...who,
          action: 'personal.identity_search.refused',
          objectType: entity,
          details: { field, reason: 'hourly limit', limit: deps.config.identitySearchPerHour },
        });
        throw new DomainError(429, 'identity_search_limit', {
          en: `You have made ${deps.config.identitySearchPerHour} exact ID-number or phone searches in the last hour; try again later`,
          zh: `您在一小时内已进行 ${deps.config.identitySearchPerHour} 次证件号码或电话精确查找，请稍后再试`,
        });
      }
    },
    async recordRead(entity, kind, recordIds, details = {}) {
      // One statement (atomic on its own, one round trip): the read, and this hour's tally when it returned records.
      const [tally] = await deps.db.query<{ records: number; hour: string; alerted: boolean }>(
        sql`WITH read AS (
              INSERT INTO personal_data_reads (account_id, actor, request_id, entity, kind, record_ids, details)
              VALUES (${who.actorId}, ${who.actor}, ${requestId}, ${entity}, ${kind},
                      ${`{${recordIds.join(',')}}`}::integer[], ${JSON.stringify(details)}::jsonb))
            INSERT INTO personal_read_volume AS v (account_id, hour, records)
            SELECT ${who.actorId}, date_trunc('hour', now()), ${recordIds.length}::int WHERE ${recordIds.length}::int > 0
            ON CONFLICT (account_id, hour) DO UPDATE SET records = v.records + EXCLUDED.records
            RETURNING records, hour::text AS hour, alerted_at IS NOT NULL AS alerted`,
      );
      if (tally && !tally.alerted && tally.records >= deps.config.bulkReadAlertPerHour)
        await raiseBulkReadAlert(deps, who, tally);
    },
  };
}

/** Once per account and hour (the conditional UPDATE decides who raises it), an alert in the audit chain. */
async function raiseBulkReadAlert(
  deps: AccessDeps,
  who: { actorId: number; actor: string; requestId: string },
  tally: { records: number; hour: string },
) {
  await deps.db.orm.transaction(async (t) => {
    const tx = t as unknown as Orm;
    const [first] = await execRows<{ records: number }>(
      tx,
      sql`UPDATE personal_read_volume SET alerted_at = now()
           WHERE account_id = ${who.actorId} AND hour = ${tally.hour}::timestamptz AND alerted_at IS NULL
       RETURNING records`,
    );
    if (!first) return;
    await appendAudit(tx, {
      ...who,
      action: 'personal.bulk_read_alert',
      objectType: 'account',
      objectId: who.actorId,
      details: { records: first.records, threshold: deps.config.bulkReadAlertPerHour, hour: tally.hour },
    });
  });
}
