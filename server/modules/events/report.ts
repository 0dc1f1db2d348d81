import { createHash } from 'node:crypto';
import type { Static } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { CATALOGUE_VERSION, findCategory, refuseCategoryChoice } from '../../../core/events/catalogue';
import type { EventLevel } from '../../../core/events/workflow';
import { maskPhone } from '../../../core/masking';
import { ROLE_AREA_LEVEL } from '../../../core/policy/roles';
import { parsePhone } from '../../../core/validation/phone';
import { execRows, type Orm } from '../../db/client';
import { events } from '../../db/schema';
import { invalidField, unprocessable } from '../../lib/errors';
import type { EventContext } from './context';
import { nextDeadline } from './deadlines';
import { presentEvent } from './presenter';
import { recordStep } from './runner';
import type { ReportBody } from './schemas';
import type { EventView } from './views';

type Report = Static<typeof ReportBody>;
type View = Static<typeof EventView>;

const REFUSALS = {
  unknown: ['is not a category of the catalogue', '不是目录中的类别'],
  retired: ['is retired: choose a category in use', '已停用，请选择在用的类别'],
  needs_sub_category: ['has sub-categories: choose one of them', '有子类，请选择其中之一'],
  wrong_kind: ['does not belong to this kind of event', '不属于该事件类型'],
} as const;

/** Everything about a report that can be refused before the transaction: category, place, phone, emergency. */
function checkReport(ctx: EventContext, body: Report) {
  const refusal = refuseCategoryChoice(body.categoryCode, body.kind);
  if (refusal) {
    const [en, zh] = REFUSALS[refusal];
    throw unprocessable(
      `category_${refusal}`,
      `categoryCode ${body.categoryCode} ${en}`,
      `类别 ${body.categoryCode} ${zh}`,
      'categoryCode',
    );
  }
  const category = findCategory(body.categoryCode)!;
  const placement = ctx.areas.placePoint(body.lng, body.lat, 'lat');
  if (!ctx.actor.scope.containsPlacement(placement))
    throw unprocessable(
      'outside_your_area',
      'The point lies outside the area you are responsible for',
      '该位置不在您负责的区域内',
      'lat',
    );
  const emergency = body.urgency === 'emergency';
  const top = category.parent ? findCategory(category.parent)! : category;
  if (emergency && !category.emergencyPossible && !top.emergencyPossible)
    throw unprocessable(
      'not_an_emergency_category',
      `urgency: ${category.name.en} cannot be reported as an emergency (直报 is for fire, gas, mass incidents, typhoon damage …)`,
      `urgency：${category.name.zh}不能直报（直报限于火灾、燃气、群体性事件、台风灾害等）`,
      'urgency',
    );
  const phone = body.reporterPhone === undefined ? null : parsePhone(body.reporterPhone);
  if (phone && !phone.ok)
    throw invalidField(
      'reporterPhone',
      'must be a mainland mobile or a landline like 020-82212345',
      '应为手机号或如 020-82212345 的固定电话',
    );
  // Emergencies (直报) skip the ladder: straight to the district centre.
  const level: EventLevel = emergency ? 'district' : (ROLE_AREA_LEVEL[ctx.actor.role] ?? 'district');
  return { category, placement, level, phone: phone?.ok ? phone.value : null };
}

const LINKS = [
  ['addressId', 'addresses'],
  ['houseId', 'houses'],
  ['residentId', 'residents'],
  ['enterpriseId', 'enterprises'],
] as const;

async function checkLinks(tx: Orm, body: Report) {
  for (const [field, table] of LINKS) {
    const id = body[field];
    if (id === undefined) continue;
    const [row] = await execRows(
      tx,
      sql`SELECT 1 FROM ${sql.identifier(table)} WHERE id = ${id} AND archived_at IS NULL`,
    );
    if (!row)
      throw unprocessable(
        'unknown_link',
        `${field}: no active record ${id}`,
        `${field}：没有有效记录 ${id}`,
        field,
      );
  }
}

/** A stable digest of the request, so a key reused for a different report is refused rather than replayed. */
function requestHash(body: Report): Buffer {
  const sorted = Object.fromEntries(Object.entries(body).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest();
}

/**
 * 上报: files a new event at the reporter's level (the district centre for an emergency), in one transaction
 * with its first step, outbox and audit rows. The same Idempotency-Key from the same account answers the first
 * answer and writes nothing; concurrent repeats wait on the key's row and then replay.
 */
export async function reportEvent(
  ctx: EventContext,
  key: string,
  body: Report,
): Promise<{ replayed: boolean; view: View }> {
  const checked = checkReport(ctx, body);
  const hash = requestHash(body);
  const { actor } = ctx;
  return ctx.db.orm.transaction(async (tx) => {
    const claimed = await execRows(
      tx,
      sql`INSERT INTO event_report_keys (account_id, key, request_hash) VALUES (${actor.accountId}, ${key}, ${hash})
          ON CONFLICT DO NOTHING RETURNING key`,
    );
    if (claimed.length === 0) return replay(tx, actor.accountId, key, hash);
    await checkLinks(tx, body);
    const [drawn] = await execRows<{ id: number; number: string }>(
      tx,
      // At least six digits; lpad alone would cut a seventh (a city's millionth event) off.
      sql`SELECT nextval(pg_get_serial_sequence('events', 'id'))::int AS id,
                 'HP-' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-'
                   || lpad(n::text, greatest(6, length(n::text)), '0') AS number
            FROM nextval('events_number_seq') AS n`,
    );
    const { id, number } = drawn!;
    const aad = { table: 'events', column: 'reporter_phone', rowId: id };
    const urgency = body.urgency ?? 'normal';
    const deadline = await nextDeadline(
      tx,
      { id, categoryCode: body.categoryCode, urgency },
      'reported',
      checked.level,
    );
    const [row] = await tx
      .insert(events)
      .values({
        id,
        number,
        kind: body.kind,
        categoryCode: body.categoryCode,
        catalogueVersion: CATALOGUE_VERSION,
        sensitive: checked.category.sensitive,
        title: body.title,
        description: body.description ?? '',
        lon: body.lng,
        lat: body.lat,
        addressText: body.addressText ?? null,
        districtId: checked.placement.districtId,
        streetId: checked.placement.streetId!,
        communityId: checked.placement.communityId!,
        gridId: checked.placement.gridId!,
        level: checked.level,
        state: 'reported',
        urgency,
        ...deadline,
        source: body.source ?? 'patrol',
        reportedBy: actor.accountId,
        reporterName: body.reporterName ?? null,
        reporterPhoneEnc: checked.phone ? ctx.pii.encrypt(checked.phone, aad) : null,
        reporterPhoneHmac: checked.phone ? ctx.pii.hmac(checked.phone) : null,
        reporterPhoneMasked: checked.phone ? maskPhone(checked.phone) : null,
        anonymous: body.anonymous ?? false,
        addressId: body.addressId ?? null,
        houseId: body.houseId ?? null,
        residentId: body.residentId ?? null,
        enterpriseId: body.enterpriseId ?? null,
      })
      .returning();
    await recordStep(tx, ctx, {
      event: row!,
      action: 'report',
      fromState: null,
      fromLevel: null,
      reason: null,
      note: null,
      effect: { details: { categoryCode: body.categoryCode, urgency: row!.urgency } },
    });
    const view = await presentEvent(tx, actor, row!);
    await tx.execute(
      sql`UPDATE event_report_keys SET event_id = ${id}, response = ${JSON.stringify(view)}::jsonb
           WHERE account_id = ${actor.accountId} AND key = ${key}`,
    );
    return { replayed: false, view };
  });
}

async function replay(tx: Orm, accountId: number, key: string, hash: Buffer) {
  const [first] = await execRows<{ request_hash: Uint8Array; response: View | null }>(
    tx,
    sql`SELECT request_hash, response FROM event_report_keys WHERE account_id = ${accountId} AND key = ${key}`,
  );
  if (!first?.response || !Buffer.from(first.request_hash).equals(hash))
    throw unprocessable(
      'idempotency_key_reused',
      'Idempotency-Key: this key was used for a different report; use a new key for a new report',
      'Idempotency-Key：该键已用于另一条上报，新的上报请使用新键',
      'idempotency-key',
    );
  return { replayed: true, view: first.response };
}
