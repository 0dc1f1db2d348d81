export {
  type AccessDeps,
  type PersonalAccess,
  personalAccessFor,
  type ReadKind,
  unrecordedAccess,
} from './record';
export { personalReadRoutes } from './routes';
