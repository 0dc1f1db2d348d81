// The notifications module's front door: the message centre's routes and the outbox handlers that fill it.
export { EVENT_NOTIFICATIONS, SUPERVISION_NOTIFICATIONS } from './event-handlers';
export { type NotificationsDeps, notificationRoutes } from './routes';
