// The events module's front door: what the app, scripts, benchmarks and tests may use.
export type { EventsDeps } from './context';
export { eventRoutes } from './routes';
