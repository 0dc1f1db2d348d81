import type { ConflictsMessageKey } from './zh-CN.conflicts';

export const enConflicts: Record<ConflictsMessageKey, string> = {
  'nav.identityConflicts': 'Identity conflicts',
  'conflicts.title': 'Identity conflicts',
  'conflicts.intro':
    'Each pair below is two active residents registered with the same document number, usually one person registered in two places. Check them, then keep the right one: the other is archived (moved out) and its history kept. Only conflicts whose two records are both in your area are listed.',
  'conflicts.none': 'No identity conflicts to reconcile',
  'conflicts.cardTitle': 'Conflict #{id} · found {at}',
  'conflicts.side.new': 'Newly registered',
  'conflicts.side.existing': 'Existing record',
  'conflicts.grid': 'Grid',
  'conflicts.noGrid': 'not in a grid',
  'conflicts.keep': 'Keep this one',
  'conflicts.confirmTitle': 'Keep “{name}” (#{id})?',
  'conflicts.confirmText':
    'The other record, “{name}” (#{id}, {grid}), will be archived (moved out). This is recorded in the audit log.',
  'conflicts.confirmOk': 'Keep, archive the other',
  'conflicts.cancel': 'Cancel',
  'conflicts.resolved': 'Kept #{kept}; #{archived} archived',
};
