import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/client';
import { appendAuditNow } from '../audit';
import { hashPassword } from './passwords';

/**
 * No default password exists: when the database has no administrator, one is created with a random
 * password that is returned (to be printed once) and never stored in clear anywhere.
 */
export async function ensureAdministrator(
  db: Database,
): Promise<{ username: string; password: string } | null> {
  const [existing] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM accounts WHERE role = 'admin'",
  );
  if (existing && existing.n > 0) return null;
  const password = `${randomBytes(12).toString('base64url')}#A1`;
  const districts = await db.query<{ id: number }>(
    "SELECT id FROM areas WHERE level = 'district' ORDER BY id",
  );
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO accounts (username, display_name, password_hash, role, area_ids)
     VALUES ('admin', '系统管理员', $1, 'admin', $2) ON CONFLICT (username) DO NOTHING RETURNING id`,
    [await hashPassword(password), districts.map((d) => d.id)],
  );
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
