import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import {
  canReveal,
  capabilitiesOf,
  PERSONAL_FIELDS,
  type PersonalField,
  type RegistryResource,
} from '../../../core/policy/capabilities';
import { ROLE_LABELS } from '../../../core/policy/roles';
import type { AreaDirectory } from '../areas';
import type { Actor } from './actor';
import { type AuthDeps, changePassword, endAllSessions, login, logout } from './service';
import { SESSION_COOKIE } from './sessions';
import { confirmTotp, setupTotp } from './totp-enrolment';

const tags = ['auth'];
const Me = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  roleLabel: Type.Object({ zh: Type.String(), en: Type.String() }),
  department: Type.Union([
    Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
    Type.Null(),
  ]),
  areas: Type.Array(
    Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), level: Type.String() }),
  ),
  capabilities: Type.Record(Type.String(), Type.Array(Type.String())),
  revealable: Type.Record(Type.String(), Type.Array(Type.String())),
  csrfToken: Type.String(),
  /** This session may only enrol in two-factor sign-in (see POST /auth/totp/setup). */
  totpEnrollmentRequired: Type.Boolean(),
  /** The password was set by an administrator: only POST /auth/password (and me, logout) answer until changed. */
  passwordChangeRequired: Type.Boolean(),
});

const SessionGranted = Type.Object({
  token: Type.Optional(Type.String()),
  csrfToken: Type.String(),
  expiresAt: Type.String(),
  totpEnrollmentRequired: Type.Boolean(),
  passwordChangeRequired: Type.Boolean(),
});

const TotpCode = Type.String({ pattern: '^[0-9]{6}$', description: '6 digits' });

export function describeActor(actor: Actor) {
  const revealable: Record<string, PersonalField[]> = {};
  for (const [resource, fields] of Object.entries(PERSONAL_FIELDS)) {
    const allowed = (fields ?? []).filter((f) => canReveal(actor, resource as RegistryResource, f));
    if (allowed.length) revealable[resource] = allowed;
  }
  return {
    id: actor.accountId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    roleLabel: ROLE_LABELS[actor.role],
    department:
      actor.departmentId && actor.departmentCode
        ? { id: actor.departmentId, code: actor.departmentCode, name: actor.departmentName ?? '' }
        : null,
    areas: actor.scope.roots.map((a) => ({ id: a.id, code: a.code, name: a.name, level: a.level })),
    capabilities: capabilitiesOf(actor),
    revealable,
    csrfToken: actor.csrfToken,
    totpEnrollmentRequired: actor.enrolmentOnly,
    passwordChangeRequired: actor.passwordChangeRequired,
  };
}

/** The session's credentials: a cookie for the web app, the token in the body for integrations. */
function grant(
  reply: FastifyReply,
  deps: AuthDeps,
  kind: 'cookie' | 'bearer',
  session: {
    token: string;
    csrfToken: string;
    expiresAt: Date;
    totpEnrollmentRequired?: boolean;
    passwordChangeRequired?: boolean;
  },
) {
  if (kind === 'cookie') {
    reply.setCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.config.secureCookies,
      path: '/',
      expires: session.expiresAt,
    });
  }
  return {
    ...(kind === 'bearer' ? { token: session.token } : {}),
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt.toISOString(),
    totpEnrollmentRequired: session.totpEnrollmentRequired ?? false,
    passwordChangeRequired: session.passwordChangeRequired ?? false,
  };
}

export const authRoutes: FastifyPluginAsyncTypebox<AuthDeps & { areas: AreaDirectory }> = async (
  app,
  deps,
) => {
  app.post(
    '/auth/login',
    {
      // Rate limit and lockout are kept in the database (service), shared by every API process.
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'Sign in: a cookie session for the web app, or a bearer token for integrations',
        description:
          'Accounts enrolled in two-factor sign-in also send `totp` (401 `totp_required` / `bad_totp` otherwise). ' +
          'An account that must enrol gets a session limited to enrolment (`totpEnrollmentRequired`).',
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            password: Type.String({ minLength: 1, maxLength: 200 }),
            totp: Type.Optional(TotpCode),
            tokenType: Type.Optional(Type.Union([Type.Literal('cookie'), Type.Literal('bearer')])),
          },
          { additionalProperties: false },
        ),
        response: { 200: SessionGranted },
      },
    },
    async (req, reply) => {
      const kind = req.body.tokenType ?? 'cookie';
      const session = await login(deps, { ...req.body, kind, requestId: req.id, client: req.ip });
      return grant(reply, deps, kind, session);
    },
  );

  app.post(
    '/auth/totp/setup',
    {
      config: { policy: 'authenticated', duringEnrolment: true },
      schema: {
        tags,
        summary: 'Start two-factor set-up: a fresh secret and its otpauth:// URI for an authenticator app',
        response: {
          200: Type.Object({
            secret: Type.String(),
            uri: Type.String(),
            digits: Type.Integer(),
            period: Type.Integer(),
          }),
        },
      },
    },
    async (req) => setupTotp(deps, req.actor!),
  );

  app.post(
    '/auth/totp/confirm',
    {
      config: { policy: 'authenticated', duringEnrolment: true },
      schema: {
        tags,
        summary: 'Finish two-factor set-up with a current code; the session is replaced by a full one',
        body: Type.Object({ code: TotpCode }, { additionalProperties: false }),
        response: { 200: SessionGranted },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const session = await confirmTotp(deps, actor, req.body.code, req.id);
      return grant(reply, deps, actor.sessionKind, {
        ...session,
        passwordChangeRequired: actor.passwordChangeRequired,
      });
    },
  );

  app.get(
    '/auth/me',
    {
      config: { policy: 'authenticated', duringEnrolment: true, duringPasswordChange: true },
      schema: { tags, summary: 'Who I am: role, areas, department, capabilities', response: { 200: Me } },
    },
    async (req) => describeActor(req.actor!),
  );

  app.post(
    '/auth/logout',
    {
      config: { policy: 'authenticated', duringEnrolment: true, duringPasswordChange: true },
      schema: { tags, summary: 'End this session' },
    },
    async (req, reply) => {
      await logout(deps, req.actor!, req.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/password',
    {
      config: { policy: 'authenticated', duringPasswordChange: true },
      schema: {
        tags,
        summary: 'Change my password (other sessions end)',
        description:
          'The new password: at least 10 characters with 3 of lower-case, upper-case, digit, other; not containing ' +
          'the username; not the demo password; not the current one. Fulfils a forced change (`passwordChangeRequired`).',
        body: Type.Object(
          {
            currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
            newPassword: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      await changePassword(deps, req.actor!, req.body, req.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/sessions/end-all',
    {
      config: { policy: 'authenticated', duringEnrolment: true, duringPasswordChange: true },
      schema: {
        tags,
        summary: 'Sign out everywhere: every session of my account ends, this one included',
      },
    },
    async (req, reply) => {
      await endAllSessions(deps, req.actor!, req.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );
};
