// The routing module's front door: the rules' routes, and the suggestion the events module offers and records.

export { seedDemoRoutingRules } from './demo-rules';
export { routingRoutes } from './routes';
export { SuggestionView } from './schemas';
export {
  type DispatchSuggestion,
  followsSuggestion,
  presentSuggestion,
  type RoutedEvent,
  suggestDispatch,
} from './suggest';
