import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { execRows, type Orm } from '../../db/client';
import type { Actor } from '../auth';
import { reach } from './policies';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/** On the target's page: the duplicates merged into it (in the caller's reach), with their reporters and when. */
export const MergedEvent = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  title: Type.String(),
  reportedAt: Type.String(),
  mergedAt: Type.String(),
  mergedBy: Nullable(Type.String()),
  reporter: Type.Union([
    Type.Object({
      accountName: Nullable(Type.String()),
      name: Nullable(Type.String()),
      phoneMasked: Nullable(Type.String()),
    }),
    Type.Null(),
  ]),
});

export interface MergedRow extends Record<string, unknown> {
  id: number;
  number: string;
  title: string;
  created_at: string | Date;
  merged_at: string | Date;
  merged_by: string | null;
  anonymous: boolean;
  reporter_account: string | null;
  reporter_name: string | null;
  reporter_phone_masked: string | null;
}

/** Events merged into `targetId` that the actor may see, oldest merge first. */
export function mergedInto(tx: Orm, actor: Actor, targetId: number) {
  return execRows<MergedRow>(
    tx,
    sql`SELECT events.id, events.number, events.title, events.created_at, events.anonymous,
               events.reporter_name, events.reporter_phone_masked, r.display_name AS reporter_account,
               m.at AS merged_at, m.actor_name AS merged_by
          FROM events
          LEFT JOIN accounts r ON r.id = events.reported_by
          LEFT JOIN LATERAL (SELECT s.at, acc.display_name AS actor_name FROM event_steps s
                               LEFT JOIN accounts acc ON acc.id = s.actor_id
                              WHERE s.event_id = events.id AND s.action = 'merge'
                              ORDER BY s.id DESC LIMIT 1) m ON true
         WHERE events.merged_into = ${targetId} AND events.state = 'merged' AND ${reach(actor)}
         ORDER BY m.at, events.id`,
  );
}
