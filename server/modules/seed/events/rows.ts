// Generated events as COPY rows of events, event_steps and event_assignments.
import { CATALOGUE_VERSION, findCategory } from '../../../../core/events/catalogue';
import type { Row } from '../csv';
import { type Draft, lastStep } from './draft';
import type { DistrictWorld } from './world';

export const EVENT_COLUMNS = [
  'id',
  'number',
  'kind',
  'category_code',
  'catalogue_version',
  'sensitive',
  'title',
  'lon',
  'lat',
  'address_text',
  'district_id',
  'street_id',
  'community_id',
  'grid_id',
  'level',
  'state',
  'urgency',
  'source',
  'reported_by',
  'reporter_name',
  'address_id',
  'merged_into',
  'extension_until',
  'rating',
  'closed_by_finder',
  'due_at',
  'warn_at',
  'version',
  'created_at',
  'updated_at',
  'closed_at',
] as const;

export const STEP_COLUMNS = [
  'id',
  'event_id',
  'action',
  'from_state',
  'to_state',
  'from_level',
  'level',
  'actor_id',
  'actor',
  'department_id',
  'reason',
  'note',
  'details',
  'due_at',
  'at',
] as const;

export const ASSIGNMENT_COLUMNS = [
  'id',
  'event_id',
  'department_id',
  'role',
  'state',
  'feedback',
  'assigned_at',
  'answered_at',
] as const;

const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

/** Hands out ids and public numbers (HP-<year of report>-<running number>) in order of report. */
export function numberDrafts(drafts: Draft[], firstId: number, firstNumber: number) {
  drafts.forEach((d, i) => {
    d.id = firstId + i;
    const year = new Date(d.steps[0]!.at + 8 * 3_600_000).getUTCFullYear();
    d.number = `HP-${year}-${String(firstNumber + i).padStart(6, '0')}`;
  });
  for (const d of drafts) {
    const merge = d.mergedInto ? d.steps.find((s) => s.action === 'merge') : undefined;
    if (merge && d.mergedInto) merge.details = { into: d.mergedInto.id, intoNumber: d.mergedInto.number };
  }
}

export function* eventRows(world: DistrictWorld, drafts: Draft[]): Generator<Row> {
  const grids = world.tree.grids;
  for (const d of drafts) {
    const last = lastStep(d);
    const g = grids[d.grid]!;
    const close =
      last.to === 'closed' || last.to === 'rated' ? d.steps.findLast((s) => s.action === 'close') : undefined;
    const rate = d.steps.findLast((s) => s.action === 'rate');
    const asked = last.action === 'ask_extension' ? (last.details?.until as string) : null;
    yield [
      d.id,
      d.number,
      d.kind,
      d.category,
      CATALOGUE_VERSION,
      findCategory(d.category)!.sensitive,
      d.title,
      d.lng,
      d.lat,
      d.addressText,
      g.districtId,
      g.streetId,
      g.communityId,
      g.id,
      last.level,
      last.to,
      d.urgency,
      d.source,
      d.reporter!.id,
      d.reporterName,
      d.addressId,
      d.mergedInto?.id ?? null,
      asked,
      rate ? (rate.details!.rating as number) : null,
      close !== undefined && close.level === 'grid' && close.actor.id === d.reporter!.id,
      iso(last.due),
      iso(last.warn),
      d.steps.length,
      iso(d.steps[0]!.at),
      iso(last.at),
      iso(close?.at),
    ];
  }
}

export function* stepRows(drafts: Draft[], ids: { step: number }): Generator<Row> {
  for (const d of drafts) {
    for (const s of d.steps) {
      yield [
        ++ids.step,
        d.id,
        s.action,
        s.from,
        s.to,
        s.fromLevel,
        s.level,
        s.actor.id,
        s.actor.label,
        s.departmentId,
        s.reason,
        s.note,
        s.details ?? {},
        iso(s.due),
        iso(s.at),
      ];
    }
  }
}

export function* assignmentRows(
  world: DistrictWorld,
  drafts: Draft[],
  ids: { assignment: number },
): Generator<Row> {
  for (const d of drafts) {
    for (const a of d.assignments) {
      yield [
        ++ids.assignment,
        d.id,
        world.departmentId.get(a.department)!,
        a.role,
        a.state,
        a.feedback,
        iso(a.assignedAt),
        iso(a.answeredAt),
      ];
    }
  }
}
