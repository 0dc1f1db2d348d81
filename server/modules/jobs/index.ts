// The jobs module's front door: the job queue (pg-boss), scheduled work and the outbox relay.
export { type Jobs, type JobsOptions, type ScheduledJob, type ScheduledWork, startJobs } from './jobs';
export {
  backoffSeconds,
  combineOutboxHandlers,
  type OutboxHandler,
  type OutboxHandlers,
  type OutboxMessage,
  type RelayOptions,
  type RelayResult,
  relayOutbox,
} from './relay';
