/** The registry feature's front door: the screens of every registry entity, from their descriptions. */
export type { AnyDescription, EntityDescription } from './description';
export { REGISTRY_SCREENS } from './descriptions';
