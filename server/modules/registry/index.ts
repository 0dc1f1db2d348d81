export { checkAreaCounts, METRICS, refreshAllAreaCounts } from './engine/counts';
export { type ListQuery, listRecords } from './engine/list';
export type { EntityDefinition, RegistryContext } from './engine/types';
export { ENTITIES } from './entities';
export { registryRoutes } from './routes';
