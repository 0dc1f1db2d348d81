import { Timeline, Typography } from 'antd';
import { ROLE_LABELS, type Role } from '../../../../../core/policy/roles';
import { enumLabel, type I18n } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { EventStep } from '../api/types';
import { useEventsI18n } from '../i18n';
import { actionLabel } from '../labels';

/** Was the step taken by the deadline the step before it set? */
function deadlineKept(steps: EventStep[], index: number): boolean | null {
  const before = steps[index - 1];
  if (!before?.dueAt) return null;
  return new Date(steps[index]!.at).getTime() <= new Date(before.dueAt).getTime();
}

/**
 * Steps written before the API kept the actor's role and office: for actions taken by the level the event
 * stands at, the level names the office; others show the name (and department) only.
 */
const AT_LEVEL = new Set([
  'report',
  'accept',
  'void',
  'handle',
  'escalate',
  'send_back',
  'dispatch',
  'shelve',
  'restore',
  'merge',
]);

/** Who took the step, as their role and office were then: 网格员 · 某某网格, or 职能部门 · 区交通运输局. */
function whoTook(s: EventStep, tx: I18n['tx'], lang: string): string | null {
  if (s.actorRole) {
    const role = ROLE_LABELS[s.actorRole as Role]?.[lang === 'en' ? 'en' : 'zh'] ?? s.actorRole;
    return s.actorOffice ? `${role} · ${s.actorOffice}` : role;
  }
  return (
    s.department ?? (AT_LEVEL.has(s.action) ? enumLabel(tx, 'eventLevel', s.fromLevel ?? s.level) : null)
  );
}

/** 办理过程: every step — who (name, department or level), when, from → to, reason, note, deadline kept or missed. */
export function StepTimeline({ steps }: { steps: EventStep[] }) {
  const { t, tx, lang } = useEventsI18n();
  return (
    <Timeline
      data-testid="event-timeline"
      items={steps.map((s, i) => {
        const kept = deadlineKept(steps, i);
        const who = whoTook(s, tx, lang);
        return {
          key: s.id,
          color: kept === false ? 'red' : 'blue',
          content: (
            <div data-testid="timeline-step" data-action={s.action}>
              <Typography.Text strong>{actionLabel(s.action, lang)}</Typography.Text>
              {' · '}
              <span data-testid="step-actor">{s.actorName ?? '—'}</span>
              {who && (
                <Typography.Text type="secondary" data-testid="step-office">
                  {' '}
                  （{who}）
                </Typography.Text>
              )}
              <div>
                <Typography.Text type="secondary">{formatDateTime(s.at)}</Typography.Text>
                {' · '}
                {s.fromState ? `${enumLabel(tx, 'eventState', s.fromState)} → ` : ''}
                {enumLabel(tx, 'eventState', s.toState)}
                {s.fromLevel && s.fromLevel !== s.level
                  ? ` · ${enumLabel(tx, 'eventLevel', s.fromLevel)} → ${enumLabel(tx, 'eventLevel', s.level)}`
                  : ''}
                {kept !== null && (
                  <span style={{ color: kept ? '#237804' : '#cf1322', marginInlineStart: 8 }}>
                    {kept ? t('events.due.met') : t('events.due.missed')}
                  </span>
                )}
              </div>
              {s.reason && <div>{t('events.step.reason', { text: s.reason })}</div>}
              {s.note && <div>{t('events.step.note', { text: s.note })}</div>}
              {s.dueAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('events.step.due', { at: formatDateTime(s.dueAt) })}
                </Typography.Text>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
