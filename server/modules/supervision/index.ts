// The supervision module's front door: supervision orders (督办) and the deadline sweep.
export { type SupervisionDeps, supervisionRoutes } from './routes';
export { SWEEP_JOB, type SweepResult, sweepDeadlines, sweepJob } from './sweep';
