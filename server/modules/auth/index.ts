export { type Actor, actorLabel } from './actor';
export { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoTotpCode, enrolDemoAccounts } from './demo-credentials';
export { ensureAdministrator } from './first-start';
export { authGuard, type RoutePolicy } from './guard';
export { ARGON2_OPTIONS, hashPassword, passwordProblem, verifyPassword } from './passwords';
export { authRoutes } from './routes';
export { forgetEverywhereInProcess, SessionCache } from './session-cache';
export { announceSessionChange, createSession, revokeSessions } from './sessions';
export { TOTP_PERIOD_SECONDS, totpCode, totpSecondsLeft } from './totp';
