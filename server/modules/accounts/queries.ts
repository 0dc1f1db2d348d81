import type { Static } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { ROLE_AREA_LEVEL, ROLE_LABELS, ROLES } from '../../../core/policy/roles';
import { execRows, type Orm } from '../../db/client';
import { notFound } from '../../lib/errors';
import { decodeCursor, encodeCursor } from '../../lib/keyset-cursor';
import type { Actor } from '../auth';
import type { Department } from './assignment';
import type { AccountsDeps } from './deps';
import { ACCOUNT_COLUMNS, ACCOUNT_FROM, type AccountRow, presentAccount } from './present';
import { Reach } from './reach';
import type { ListQuery } from './schemas';

export type AccountFilters = Omit<Static<typeof ListQuery>, 'limit' | 'cursor'>;

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The WHERE clause of the administrator's reach and the filters; values are bound, never spliced. */
function where(deps: AccountsDeps, actor: Actor, f: AccountFilters) {
  const parts = [sql.raw(Reach.of(actor, deps.areas).sql('a'))];
  if (f.q) {
    const pattern = likePattern(f.q);
    parts.push(sql`(a.username ILIKE ${pattern} OR a.display_name ILIKE ${pattern})`);
  }
  if (f.role) parts.push(sql`a.role = ${f.role}`);
  if (f.department) parts.push(sql`a.department_id = ${f.department}`);
  if (f.disabled !== undefined)
    parts.push(f.disabled ? sql`a.disabled_at IS NOT NULL` : sql`a.disabled_at IS NULL`);
  if (f.area) {
    const root = deps.areas.areas.find((a) => a.code === f.area);
    // An unknown area, or one outside the reach, simply matches nothing inside the reach.
    const ids = root ? deps.areas.areas.filter((a) => isWithin(deps, a.id, root.id)).map((a) => a.id) : [];
    parts.push(sql.raw(`a.area_ids && '{${ids.join(',')}}'::int[]`));
  }
  return sql.join(parts, sql` AND `);
}

function isWithin(deps: AccountsDeps, id: number, rootId: number): boolean {
  for (let at = deps.areas.byIdOrNull(id); at; at = deps.areas.byIdOrNull(at.parentId))
    if (at.id === rootId) return true;
  return false;
}

/** The cursor opens only on the list (and filters) that issued it; `accounts:` keeps it off registry lists. */
const listKey = (f: AccountFilters) =>
  `accounts:${JSON.stringify([f.q ?? '', f.role ?? '', f.area ?? '', f.department ?? 0, f.disabled ?? null])}`;

/** One page of the accounts the administrator manages, by username, with the total matching. */
export async function listAccounts(
  tx: Orm,
  deps: AccountsDeps,
  actor: Actor,
  query: Static<typeof ListQuery>,
) {
  const limit = query.limit ?? 50;
  const filter = where(deps, actor, query);
  const after = query.cursor ? decodeCursor(deps.pii, listKey(query), query.cursor, 'string').value : null;
  const rows = await execRows<AccountRow>(
    tx,
    sql`SELECT ${sql.raw(ACCOUNT_COLUMNS)} FROM ${sql.raw(ACCOUNT_FROM)}
         WHERE ${filter} ${after === null ? sql`` : sql`AND a.username > ${after}`}
         ORDER BY a.username LIMIT ${limit + 1}`,
  );
  const [count] = await execRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM accounts a WHERE ${filter}`,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => presentAccount(r, deps.areas, actor.accountId)),
    total: Number(count?.n ?? 0),
    nextCursor:
      rows.length > limit && last ? encodeCursor(deps.pii, listKey(query), last.username, last.id) : null,
  };
}

/** Every matching account (export): the same reach and filters as the list. */
export async function allAccounts(tx: Orm, deps: AccountsDeps, actor: Actor, filters: AccountFilters) {
  const rows = await execRows<AccountRow>(
    tx,
    sql`SELECT ${sql.raw(ACCOUNT_COLUMNS)} FROM ${sql.raw(ACCOUNT_FROM)} WHERE ${where(deps, actor, filters)}
         ORDER BY a.username`,
  );
  return rows.map((r) => presentAccount(r, deps.areas, actor.accountId));
}

/** One account within the reach (FOR UPDATE when about to change it), or 404 like a missing one. */
export async function accountInReach(
  tx: Orm,
  deps: AccountsDeps,
  actor: Actor,
  id: number,
  lock = false,
): Promise<AccountRow> {
  const [row] = await execRows<AccountRow>(
    tx,
    sql`SELECT ${sql.raw(ACCOUNT_COLUMNS)} FROM ${sql.raw(ACCOUNT_FROM)}
         WHERE a.id = ${id} AND ${sql.raw(Reach.of(actor, deps.areas).sql('a'))}
         ${lock ? sql`FOR UPDATE OF a` : sql``}`,
  );
  if (!row) throw notFound(`Account ${id}`, `账号 ${id}`);
  return row;
}

export async function loadDepartments(tx: Orm): Promise<Map<number, Department>> {
  const rows = await execRows<Department & Record<string, unknown>>(
    tx,
    sql`SELECT id, code, name FROM departments WHERE archived_at IS NULL ORDER BY code`,
  );
  return new Map(rows.map((d) => [Number(d.id), { id: Number(d.id), code: d.code, name: d.name }]));
}

/** What the administrator's forms offer: roles with their area level, departments. */
export async function accountOptions(deps: AccountsDeps, actor: Actor) {
  const departments = await loadDepartments(deps.db.orm);
  return {
    roles: ROLES.map((role) => ({ role, level: ROLE_AREA_LEVEL[role], label: ROLE_LABELS[role] })),
    departments: [...departments.values()],
    districtWide: Reach.of(actor, deps.areas).districtWide,
  };
}
