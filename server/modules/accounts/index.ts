// The accounts module's front door: account administration for administrators.
export type { AccountsDeps } from './deps';
export { accountRoutes } from './routes';
