import type { EntityDefinition } from '../engine/types';
import { addressEntity } from './addresses';
import { houseEntity } from './houses';
import { residentEntity } from './residents';

/** Every registry entity served under /api/v1/registry/<path>. */
export const ENTITIES: EntityDefinition[] = [addressEntity, houseEntity, residentEntity];
