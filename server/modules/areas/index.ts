export { type Area, AreaDirectory, type Placement } from './directory';
export { AREA_LEVELS, AREA_TABLE_COLUMN, PLACEMENT_COLUMN, PLACEMENT_KEY } from './levels';
export { areaRoutes } from './routes';
export { AreaNode } from './schemas';
export { Scope } from './scope';
