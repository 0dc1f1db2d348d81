export { ClientConfig, clientConfigRoutes } from './routes';
