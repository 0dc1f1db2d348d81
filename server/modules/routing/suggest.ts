import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { findCategory, topLevelOf } from '../../../core/events/catalogue';
import type { Orm } from '../../db/client';
import { routingRules } from '../../db/routing-schema';
import type { AreaDirectory } from '../areas';

/** Where a dispatch suggestion came from: a live routing rule (its row, a version), or the catalogue's default. */
export interface DispatchSuggestion {
  lead: string;
  cooperating: string[];
  source: 'rule' | 'catalogue';
  /** The rule version it came from (its row id, the rule's id and the version); null for the catalogue's default. */
  rule: { id: number; ruleId: number; version: number } | null;
  /** The rule's category and area (the area's id), or the catalogue category whose default it is. */
  categoryCode: string;
  areaId: number | null;
}

export interface RoutedEvent {
  categoryCode: string;
  districtId: number;
  streetId: number;
  communityId: number;
}

/**
 * The most specific live rule wins: sub-category + community > sub-category + street > sub-category >
 * category + community > category + street > category. Without one, the catalogue's default.
 */
export function specificity(
  rule: { categoryCode: string; areaId: number | null },
  event: RoutedEvent,
): number {
  const own = rule.categoryCode === event.categoryCode ? 3 : 0;
  const area = rule.areaId === null ? 0 : rule.areaId === event.communityId ? 2 : 1;
  return own + area;
}

export async function suggestDispatch(orm: Orm, event: RoutedEvent): Promise<DispatchSuggestion> {
  const top = topLevelOf(event.categoryCode)?.code ?? event.categoryCode;
  const codes = [...new Set([event.categoryCode, top])];
  const live = await orm
    .select()
    .from(routingRules)
    .where(
      and(
        eq(routingRules.districtId, event.districtId),
        isNull(routingRules.retiredAt),
        inArray(routingRules.categoryCode, codes),
        or(isNull(routingRules.areaId), inArray(routingRules.areaId, [event.streetId, event.communityId])),
      ),
    )
    .orderBy(sql`${routingRules.id}`);
  const best = live.sort((a, b) => specificity(b, event) - specificity(a, event))[0];
  if (best)
    return {
      lead: best.leadDepartment,
      cooperating: best.coDepartments,
      source: 'rule',
      rule: { id: best.id, ruleId: best.ruleId, version: best.version },
      categoryCode: best.categoryCode,
      areaId: best.areaId,
    };
  const category = findCategory(event.categoryCode);
  return {
    lead: category?.leadDepartment ?? '',
    cooperating: [...(category?.coDepartments ?? [])],
    source: 'catalogue',
    rule: null,
    categoryCode: event.categoryCode,
    areaId: null,
  };
}

/** Did the dispatch take the suggestion as offered (same lead, same co-operating set)? */
export function followsSuggestion(s: DispatchSuggestion, lead: string, cooperating: readonly string[]) {
  const offered = [...s.cooperating].sort().join(',');
  return s.lead === lead && offered === [...cooperating].sort().join(',');
}

/** The suggestion as the API answers it: the rule's area by code and name. */
export function presentSuggestion(areas: AreaDirectory, s: DispatchSuggestion) {
  const { areaId, ...rest } = s;
  const area = areas.byIdOrNull(areaId);
  return { ...rest, area: area ? { code: area.code, name: area.name, level: area.level } : null };
}
