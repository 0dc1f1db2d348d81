import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { accounts, areas } from '../../db/schema';
import { appendAuditNow } from '../audit';
import { hashPassword } from './passwords';

/**
 * No default password exists: when the database has no administrator, one is created with a random
 * password that is returned (to be printed once) and never stored in clear anywhere.
 */
export async function ensureAdministrator(
  db: Database,
): Promise<{ username: string; password: string } | null> {
  const [existing] = await db.orm.select({ n: count() }).from(accounts).where(eq(accounts.role, 'admin'));
  if (existing && existing.n > 0) return null;
  const password = `${randomBytes(12).toString('base64url')}#A1`;
  const districts = await db.orm
    .select({ id: areas.id })
    .from(areas)
    .where(eq(areas.level, 'district'))
    .orderBy(areas.id);
  const [row] = await db.orm
    .insert(accounts)
    .values({
      username: 'admin',
      displayName: '系统管理员',
      passwordHash: await hashPassword(password),
      role: 'admin',
      areaIds: districts.map((d) => d.id),
    })
    .onConflictDoNothing({ target: accounts.username })
    .returning({ id: accounts.id });
  if (!row) return null;
  await appendAuditNow(db, {
    actorId: null,
    actor: 'system',
    action: 'account.create',
    objectType: 'account',
    objectId: row.id,
    details: { role: 'admin', reason: 'first start' },
  });
  return { username: 'admin', password };
}
