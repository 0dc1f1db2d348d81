import { getTableColumns, getTableName } from 'drizzle-orm';
import { REGISTRY_RESOURCES, type RegistryResource } from '../../../../core/policy/capabilities';
import type { AnyEntity, Dependent, Metrics } from '../engine/types';
import { addressEntity } from './addresses';
import { departmentEntity } from './departments';
import { enterpriseEntity } from './enterprises';
import { healthRecordEntity } from './health-records';
import { houseEntity } from './houses';
import { partyMemberEntity } from './party-members';
import { partyOrganisationEntity } from './party-organisations';
import { partyStudioEntity } from './party-studios';
import { residentEntity } from './residents';
import { serviceFacilityEntity } from './service-facilities';
import { socialOrganisationEntity } from './social-organisations';
import { staffEntity } from './staff';

/**
 * Every registry entity, keyed by its policy resource: a resource in core/policy without a definition
 * here, or a definition whose path is not its key, fails the type check.
 */
export const DEFINITIONS = {
  addresses: addressEntity,
  houses: houseEntity,
  residents: residentEntity,
  'health-records': healthRecordEntity,
  enterprises: enterpriseEntity,
  'social-organisations': socialOrganisationEntity,
  'party-organisations': partyOrganisationEntity,
  'party-members': partyMemberEntity,
  'party-studios': partyStudioEntity,
  'service-facilities': serviceFacilityEntity,
  departments: departmentEntity,
  staff: staffEntity,
} satisfies { [R in RegistryResource]: AnyEntity & { path: R } };

/** Every registry entity served under /api/v1/registry/<path>, in the policy's order. */
export const ENTITIES: readonly AnyEntity[] = REGISTRY_RESOURCES.map((r) => DEFINITIONS[r]);

export type RegistryTableName = (typeof DEFINITIONS)[RegistryResource]['table']['_']['name'];
/** The registry's tables in the order of the policy's resources (parents before the children placed in them). */
export const REGISTRY_TABLES: readonly RegistryTableName[] = REGISTRY_RESOURCES.map((r) =>
  getTableName(DEFINITIONS[r].table),
);

/** The SQL name of a property of a definition's table. */
const sqlColumn = (def: AnyEntity, property: string) => {
  const column = getTableColumns(def.table)[property];
  if (!column) throw new Error(`${def.path}: ${property} is not a column of ${getTableName(def.table)}`);
  return column.name;
};

/** A child placed through a parent: its table and the column naming the parent. */
export interface PlacedChild {
  table: string;
  column: string;
  def: AnyEntity;
}

/** Parent table → the children whose placement is copied from it (they move when it moves). */
export const PLACED_CHILDREN: ReadonlyMap<string, readonly PlacedChild[]> = (() => {
  const children = new Map<string, PlacedChild[]>();
  for (const def of ENTITIES) {
    if (!def.placedBy) continue;
    const parent = getTableName(def.placedBy.parent.table);
    const child = { table: getTableName(def.table), column: sqlColumn(def, def.placedBy.field), def };
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  return children;
})();

/** What blocks archiving a record: the children placed through it, then the dependents it declares. */
export function dependentsOf(def: AnyEntity): Dependent[] {
  const placed = (PLACED_CHILDREN.get(getTableName(def.table)) ?? []).map((c) => ({
    table: c.table,
    column: c.column,
    label: { en: c.def.plural, zh: c.def.label.zh },
  }));
  return [...placed, ...(def.dependents ?? [])];
}

/** Each summary metric: the table it counts and which of its active rows (SQL on the table). */
export const METRICS: Metrics = Object.fromEntries(
  ENTITIES.flatMap((def) =>
    Object.entries(def.metrics).map(([metric, m]) => [metric, { table: getTableName(def.table), ...m }]),
  ),
);

/** Metric → the registry resource whose read permission it needs. */
export const METRIC_RESOURCE: Record<string, RegistryResource> = Object.fromEntries(
  ENTITIES.flatMap((def) => Object.keys(def.metrics).map((metric) => [metric, def.path])),
);
