import type { Static } from '@sinclair/typebox';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { findCategory } from '../../../core/events/catalogue';
import { execRows, type Orm } from '../../db/client';
import { routingRules } from '../../db/routing-schema';
import { notFound, unprocessable } from '../../lib/errors';
import type { AreaDirectory } from '../areas';
import { appendAudit } from '../audit';
import { actorLabel } from '../auth';
import { districtOf, type RoutingContext } from './context';
import type { ListQuery, RuleBody } from './schemas';
import { checked } from './validate';

type Rule = typeof routingRules.$inferSelect;
type Body = Static<typeof RuleBody>;

export function presentRule(areas: AreaDirectory, r: Rule) {
  const category = findCategory(r.categoryCode);
  const area = areas.byIdOrNull(r.areaId);
  return {
    id: r.id,
    ruleId: r.ruleId,
    version: r.version,
    categoryCode: r.categoryCode,
    categoryName: category?.name.zh ?? r.categoryCode,
    area: area ? { code: area.code, name: area.name, level: area.level } : null,
    lead: r.leadDepartment,
    cooperating: r.coDepartments,
    catalogueLead: category?.leadDepartment ?? '',
    catalogueCooperating: [...(category?.coDepartments ?? [])],
    note: r.note,
    creator: r.creator,
    createdAt: r.createdAt.toISOString(),
    retiredAt: r.retiredAt?.toISOString() ?? null,
  };
}

export async function listRules(ctx: RoutingContext, q: Static<typeof ListQuery>) {
  const rows = await ctx.orm
    .select()
    .from(routingRules)
    .where(
      and(
        eq(routingRules.districtId, districtOf(ctx)),
        q.includeRetired ? undefined : isNull(routingRules.retiredAt),
        q.categoryCode ? eq(routingRules.categoryCode, q.categoryCode) : undefined,
      ),
    )
    .orderBy(asc(routingRules.categoryCode), asc(routingRules.areaId), asc(routingRules.id));
  return { items: rows.map((r) => presentRule(ctx.areas, r)) };
}

const duplicateLive = (body: Body) =>
  unprocessable(
    'routing_rule_exists',
    `categoryCode: a live rule for ${body.categoryCode}${body.area ? ` in ${body.area}` : ''} exists; replace it instead`,
    `categoryCode：${body.categoryCode}${body.area ? `（${body.area}）` : ''} 已有在用规则，请修改该规则`,
    'categoryCode',
  );

async function liveTwin(tx: Orm, districtId: number, categoryCode: string, areaId: number | null) {
  const [row] = await tx
    .select({ id: routingRules.id })
    .from(routingRules)
    .where(
      and(
        eq(routingRules.districtId, districtId),
        eq(routingRules.categoryCode, categoryCode),
        areaId === null ? isNull(routingRules.areaId) : eq(routingRules.areaId, areaId),
        isNull(routingRules.retiredAt),
      ),
    );
  return row?.id ?? null;
}

async function audit(tx: Orm, ctx: RoutingContext, action: string, rule: Rule) {
  await appendAudit(tx, {
    actorId: ctx.actor.accountId,
    actor: actorLabel(ctx.actor),
    action: `routing_rules.${action}`,
    objectType: 'routing_rule',
    objectId: rule.id,
    requestId: ctx.requestId,
    details: {
      ruleId: rule.ruleId,
      version: rule.version,
      categoryCode: rule.categoryCode,
      areaId: rule.areaId,
      lead: rule.leadDepartment,
      cooperating: rule.coDepartments,
    },
  });
}

/** The columns a rule version takes from the request, the checked codes and the actor (create and replace alike). */
const ruleColumns = (ctx: RoutingContext, body: Body, c: Awaited<ReturnType<typeof checked>>) => ({
  districtId: c.districtId,
  categoryCode: body.categoryCode,
  areaId: c.areaId,
  leadDepartment: body.lead,
  coDepartments: c.cooperating,
  note: body.note ?? null,
  createdBy: ctx.actor.accountId,
  creator: actorLabel(ctx.actor),
});

export async function createRule(ctx: RoutingContext, body: Body) {
  const rule = await ctx.orm.transaction(async (tx) => {
    const c = await checked(tx, ctx, body);
    if (await liveTwin(tx, c.districtId, body.categoryCode, c.areaId)) throw duplicateLive(body);
    const [id] = await execRows<{ id: number }>(
      tx,
      sql`SELECT nextval(pg_get_serial_sequence('routing_rules', 'id'))::int AS id`,
    );
    const [row] = await tx
      .insert(routingRules)
      .values({
        id: id!.id,
        ruleId: id!.id,
        ...ruleColumns(ctx, body, c),
      })
      .returning();
    await audit(tx, ctx, 'create', row!);
    return row!;
  });
  return presentRule(ctx.areas, rule);
}

async function lockLive(tx: Orm, ctx: RoutingContext, id: number) {
  const [row] = await tx
    .select()
    .from(routingRules)
    .where(and(eq(routingRules.id, id), eq(routingRules.districtId, districtOf(ctx))))
    .for('update');
  if (!row) throw notFound(`Routing rule ${id}`, `分流规则 ${id}`);
  if (row.retiredAt)
    throw unprocessable(
      'routing_rule_retired',
      `Routing rule ${id} is retired; replace or retire its live version`,
      `分流规则 ${id} 已停用，请操作其在用版本`,
    );
  return row;
}

/** A new version of a live rule: the old row is retired in the same transaction, the new one carries its rule id. */
export async function replaceRule(ctx: RoutingContext, id: number, body: Body) {
  const rule = await ctx.orm.transaction(async (tx) => {
    const old = await lockLive(tx, ctx, id);
    const c = await checked(tx, ctx, body);
    await tx
      .update(routingRules)
      .set({ retiredAt: sql`now()`, retiredBy: ctx.actor.accountId })
      .where(eq(routingRules.id, old.id));
    const twin = await liveTwin(tx, c.districtId, body.categoryCode, c.areaId);
    if (twin) throw duplicateLive(body);
    const [row] = await tx
      .insert(routingRules)
      .values({
        ruleId: old.ruleId,
        version: old.version + 1,
        ...ruleColumns(ctx, body, c),
      })
      .returning();
    await audit(tx, ctx, 'replace', row!);
    return row!;
  });
  return presentRule(ctx.areas, rule);
}

export async function retireRule(ctx: RoutingContext, id: number) {
  const rule = await ctx.orm.transaction(async (tx) => {
    await lockLive(tx, ctx, id);
    const [row] = await tx
      .update(routingRules)
      .set({ retiredAt: sql`now()`, retiredBy: ctx.actor.accountId })
      .where(eq(routingRules.id, id))
      .returning();
    await audit(tx, ctx, 'retire', row!);
    return row!;
  });
  return presentRule(ctx.areas, rule);
}
