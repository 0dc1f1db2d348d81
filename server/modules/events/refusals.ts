import type { EventAction, EventState } from '../../../core/events/workflow';
import { DomainError } from '../../lib/errors';

/**
 * A transition refused on a record in the caller's reach: wrong state or stale version (409), or not the
 * caller's step (403). It carries the current state, version and the actions allowed now, which the route
 * adds to the answer so the client can offer the right buttons without another request.
 */
export class TransitionRefused extends DomainError {
  constructor(
    status: 403 | 409,
    code: string,
    text: { en: string; zh: string },
    readonly state: EventState,
    readonly version: number,
    readonly allowedActions: EventAction[],
  ) {
    super(status, code, text, code === 'version_conflict' ? 'version' : undefined);
  }
}

const list = (actions: EventAction[], none: string) => (actions.length ? actions.join(', ') : none);

export function staleVersion(
  id: number,
  sent: number,
  state: EventState,
  version: number,
  allowed: EventAction[],
) {
  return new TransitionRefused(
    409,
    'version_conflict',
    {
      en: `Event ${id} was changed by someone else (now version ${version}, state ${state}; you sent version ${sent}); allowed now: ${list(allowed, 'nothing')}. Reload and retry`,
      zh: `事件 ${id} 已被他人处理（当前版本 ${version}，状态 ${state}），现在可执行：${list(allowed, '无')}。请刷新后重试`,
    },
    state,
    version,
    allowed,
  );
}

export function notAllowedNow(
  id: number,
  action: EventAction,
  state: EventState,
  version: number,
  allowed: EventAction[],
) {
  return new TransitionRefused(
    409,
    'not_allowed_now',
    {
      en: `Event ${id} is ${state}: '${action}' cannot be taken now; allowed now: ${list(allowed, 'nothing')}`,
      zh: `事件 ${id} 当前状态为 ${state}，不能执行“${action}”；现在可执行：${list(allowed, '无')}`,
    },
    state,
    version,
    allowed,
  );
}

export function notYourStep(
  id: number,
  action: EventAction,
  state: EventState,
  version: number,
  allowed: EventAction[],
) {
  return new TransitionRefused(
    403,
    'not_your_step',
    {
      en: `'${action}' on event ${id} is for another level, area or department; you may: ${list(allowed, 'nothing')}`,
      zh: `事件 ${id} 的“${action}”应由其他层级、区域或部门办理；您现在可执行：${list(allowed, '无')}`,
    },
    state,
    version,
    allowed,
  );
}
