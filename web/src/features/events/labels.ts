import { findCategory } from '../../../../core/events/catalogue';
import { EVENT_WORKFLOW, type EventAction } from '../../../../core/events/workflow';
import type { Lang } from '../../i18n';

/** An action's name from the loop's own table (the server's route summaries use the same). */
export function actionLabel(action: string, lang: Lang): string {
  const transition = EVENT_WORKFLOW.transitions[action as EventAction];
  if (!transition) return action === 'report' ? (lang === 'en' ? 'Report' : '上报') : action;
  return lang === 'en' ? transition.label.en : transition.label.zh;
}

/** Does the loop's table ask for a reason with this action? */
export const needsReason = (action: EventAction) =>
  (EVENT_WORKFLOW.transitions[action] as { reason?: boolean }).reason === true;

/** A category's name, with its parent's for a sub-category (安全生产隐患 / 燃气安全). */
export function categoryLabel(code: string, lang: Lang): string {
  const category = findCategory(code);
  if (!category) return code;
  const name = lang === 'en' ? category.name.en : category.name.zh;
  const parent = category.parent ? findCategory(category.parent) : undefined;
  if (!parent) return name;
  return `${lang === 'en' ? parent.name.en : parent.name.zh} / ${name}`;
}

/** Colours of the states (tags, map markers): open work warm, finished work green, dead ends grey; each ≥ 4.5:1 on white. */
export const STATE_COLOURS: Record<string, string> = {
  reported: '#ad4e00',
  in_progress: '#1f5fbf',
  handled: '#7a3fc4',
  verified: '#006d75',
  closed: '#237804',
  rated: '#135200',
  shelved: '#595959',
  voided: '#434343',
  merged: '#434343',
};

export type DueMark = 'overdue' | 'warning' | 'on_time' | 'none';

/** How close a deadline is: overdue past it, warning from the API's `warnAt` (80 % of the working time) on. */
export function dueMark(dueAt: string | null, warnAt: string | null, now = Date.now()): DueMark {
  if (!dueAt) return 'none';
  if (now > new Date(dueAt).getTime()) return 'overdue';
  return warnAt && now >= new Date(warnAt).getTime() ? 'warning' : 'on_time';
}
