// The registry module's front door: what other modules, scripts, benchmarks and tests may use.
export { checkAreaCounts, METRICS, refreshAllAreaCounts } from './engine/counts';
export { type ListQuery, listRecords } from './engine/list';
export type {
  AnyEntity,
  EntityDefinition,
  Label,
  RegistryContext,
  RegistryTable,
  RowOf,
} from './engine/types';
export {
  DEFINITIONS,
  dependentsOf,
  ENTITIES,
  METRIC_RESOURCE,
  PLACED_CHILDREN,
  REGISTRY_TABLES,
  type RegistryTableName,
} from './entities';
export { type RegistryDeps, registryRoutes } from './routes';
