import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type Action, can, type Resource } from '../../../core/policy/capabilities';
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import { DomainError } from '../../lib/errors';
import { type AreaDirectory, Scope } from '../areas';
import type { Actor } from './actor';
import { CSRF_HEADER, findSession, SESSION_COOKIE, type SessionAccount } from './sessions';

/** Who may call a route: anyone, any signed-in account, or those whose role may do `action` on `resource`. */
export type RoutePolicy = 'public' | 'authenticated' | { resource: Resource; action: Action };

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    policy?: RoutePolicy;
    /** Answers a session limited to two-factor enrolment (me, logout, enrolment). */
    duringEnrolment?: boolean;
    /** Answers an account that must change its password first (me, logout, password change). */
    duringPasswordChange?: boolean;
  }
  interface FastifyInstance {
    /** Every API route with its policy, as registered (read by the authorization-matrix test). */
    routePolicies: { method: string; url: string; policy: RoutePolicy }[];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const unauthenticated = () =>
  new DomainError(401, 'unauthenticated', {
    en: 'Sign in first (or your session has expired)',
    zh: '请先登录（或会话已过期）',
  });

export function actorFrom(s: SessionAccount, areas: AreaDirectory): Actor {
  const roots = s.area_ids.map((id) => areas.byIdOrNull(id)).filter((a) => a !== null);
  return {
    accountId: s.account_id,
    username: s.username,
    displayName: s.display_name,
    role: s.role,
    departmentId: s.department_id,
    departmentCode: s.department_code,
    departmentName: s.department_name,
    areaIds: s.area_ids,
    scope: Scope.of(roots, areas),
    sessionId: s.session_id,
    sessionKind: s.kind,
    csrfToken: s.csrf_token,
    enrolmentOnly: s.enrolment_only,
    passwordChangeRequired: s.password_must_change,
  };
}

/** Constant-time comparison, so the CSRF token cannot be guessed byte by byte from response times. */
function sameToken(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const [a, b] = [Buffer.from(sent), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

function tokenOf(req: FastifyRequest): { token: string; kind: 'cookie' | 'bearer' } | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return { token: auth.slice(7).trim(), kind: 'bearer' };
  const fromCookie = req.cookies[SESSION_COOKIE];
  return fromCookie ? { token: fromCookie, kind: 'cookie' } : null;
}

/**
 * Every API route must declare a policy (registration fails otherwise). On each request: resolve the
 * session into an actor, require the CSRF token on state-changing cookie requests, then check the policy.
 */
export const authGuard = fp<{ db: Database; config: Config; areas: AreaDirectory }>(
  async (app: FastifyInstance, deps) => {
    await app.register(cookie);
    app.decorateRequest('actor', null);
    app.decorate('routePolicies', []);
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/')) return;
      const policy = route.config?.policy;
      if (!policy) throw new Error(`API route ${String(route.method)} ${route.url} declares no policy`);
      for (const method of [route.method].flat())
        if (method !== 'HEAD') app.routePolicies.push({ method, url: route.url, policy });
    });
    app.addHook('onRequest', async (req: FastifyRequest, _reply: FastifyReply) => {
      const policy = req.routeOptions.config?.policy;
      if (!policy || policy === 'public') return;
      const credentials = tokenOf(req);
      if (!credentials) throw unauthenticated();
      const session = await findSession(deps.db, deps.config, credentials.token);
      if (!session || session.kind !== credentials.kind) throw unauthenticated();
      const actor = actorFrom(session, deps.areas);
      if (
        credentials.kind === 'cookie' &&
        !SAFE_METHODS.has(req.method) &&
        !sameToken(req.headers[CSRF_HEADER], actor.csrfToken)
      ) {
        throw new DomainError(403, 'csrf', {
          en: `Missing or wrong ${CSRF_HEADER} header (reload the page)`,
          zh: `缺少或错误的 ${CSRF_HEADER} 请求头（请刷新页面）`,
        });
      }
      req.actor = actor;
      if (actor.enrolmentOnly && !req.routeOptions.config?.duringEnrolment) {
        throw new DomainError(403, 'totp_enrollment_required', {
          en: 'Set up two-factor sign-in first (an authenticator app code)',
          zh: '请先设置双因素登录（身份验证器验证码）',
        });
      }
      // Enrolment comes first: an account given a password and no authenticator yet enrols, then changes it.
      if (
        actor.passwordChangeRequired &&
        !actor.enrolmentOnly &&
        !req.routeOptions.config?.duringPasswordChange
      ) {
        throw new DomainError(403, 'password_change_required', {
          en: 'Change the password you were given first',
          zh: '请先修改管理员为您设置的初始密码',
        });
      }
      if (policy !== 'authenticated' && !can(actor, policy.action, policy.resource)) {
        throw new DomainError(403, 'forbidden', {
          en: `Your role may not ${policy.action} ${policy.resource}`,
          zh: `您的角色无权对 ${policy.resource} 执行 ${policy.action} 操作`,
        });
      }
    });
  },
);
