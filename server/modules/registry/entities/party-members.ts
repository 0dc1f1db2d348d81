import { Type } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import { partyMembers, residents } from '../../../db/schema';
import { unprocessable } from '../../../lib/errors';
import type { EntityDefinition, Row } from '../engine/types';
import { activeParent, bodies, CommonOutput, DateString, Id, placementColumns } from './common';
import { notAfterToday, residentNames } from './health-records';
import { partyOrganisationLabel, partyOrganisationNames } from './party-organisations';

export const MemberStatus = Type.Union([Type.Literal('full'), Type.Literal('probationary')], {
  description: 'full 正式党员 or probationary 预备党员',
});

const fields = {
  residentId: Id('The resident who is the member (one active membership per resident)'),
  partyOrganisationId: Id('The branch or general branch the member belongs to'),
  joinedOn: DateString('Date of joining the Party (入党日期); the member was 18 or older'),
  status: MemberStatus,
};

/** The date `years` after an ISO date (29 February → 1 March in a common year). */
function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** Party members (党员): a resident's membership of a branch; placed where the resident lives. */
export const partyMemberEntity: EntityDefinition = {
  path: 'party-members',
  entity: 'party_member',
  label: { en: 'Party member', zh: '党员' },
  table: partyMembers,
  ...bodies(fields, ['residentId', 'partyOrganisationId', 'joinedOn', 'status']),
  output: Type.Object({
    ...CommonOutput,
    residentId: Type.Integer(),
    residentName: Type.String({ description: 'Masked' }),
    partyOrganisationId: Type.Integer(),
    partyOrganisationName: Type.String(),
    joinedOn: Type.String(),
    status: Type.String(),
  }),
  filters: {
    status: { schema: MemberStatus, column: 'status' },
    partyOrganisationId: { schema: Id(), column: 'partyOrganisationId' },
    residentId: { schema: Id(), column: 'residentId' },
  },
  sortable: ['joinedOn'],
  uniqueFields: { party_members_resident_key: 'residentId' },
  async toColumns(input, lookup, existing) {
    const columns: Record<string, unknown> = { ...input };
    notAfterToday('joinedOn', input.joinedOn);
    if (!existing || input.residentId !== undefined || input.joinedOn !== undefined) {
      const residentId = (input.residentId ?? existing?.residentId) as number;
      const resident = await activeParent(lookup, 'residents', residentId, 'residentId', {
        en: 'resident',
        zh: '居民',
      });
      if (!existing || input.residentId !== undefined) Object.assign(columns, placementColumns(resident));
      // Read through Drizzle: raw SQL hands dates back as Date objects that differ between drivers.
      const [born] = await lookup.tx
        .select({ birthMonth: residents.birthMonth })
        .from(residents)
        .where(eq(residents.id, residentId));
      const joinedOn = (input.joinedOn ?? existing?.joinedOn) as string;
      // The registry keeps birth months only: the check is at month precision.
      const adult = addYears(born!.birthMonth, 18);
      if (joinedOn < adult) {
        throw unprocessable(
          'too_young',
          `joinedOn: the resident turns 18 in ${adult.slice(0, 7)}; a member must be 18 or older on joining`,
          `joinedOn：该居民于 ${adult.slice(0, 7)} 年满 18 周岁，入党时须年满 18 周岁`,
          'joinedOn',
        );
      }
    }
    if (!existing || input.partyOrganisationId !== undefined) {
      const id = (input.partyOrganisationId ?? existing?.partyOrganisationId) as number;
      const organisation = await activeParent(
        lookup,
        'party_organisations',
        id,
        'partyOrganisationId',
        partyOrganisationLabel,
      );
      if (organisation.kind === 'committee') {
        throw unprocessable(
          'invalid_organisation',
          'partyOrganisationId: members belong to a branch or general branch, not a committee',
          'partyOrganisationId：党员应隶属党支部或党总支，不能直接隶属党委',
          'partyOrganisationId',
        );
      }
    }
    return columns;
  },
  async enrich(rows: Row[], ctx) {
    const [people, organisations] = await Promise.all([
      residentNames(
        ctx,
        rows.map((r) => r.residentId as number),
      ),
      partyOrganisationNames(
        ctx,
        rows.map((r) => r.partyOrganisationId as number),
      ),
    ]);
    return new Map(
      rows.map((r) => [
        r.id,
        {
          residentName: people.get(r.residentId as number) ?? '',
          partyOrganisationName: organisations.get(r.partyOrganisationId as number) ?? '',
        },
      ]),
    );
  },
  present: (row, _ctx, extra) => ({
    residentId: row.residentId,
    residentName: extra.get(row.id)?.residentName ?? '',
    partyOrganisationId: row.partyOrganisationId,
    partyOrganisationName: extra.get(row.id)?.partyOrganisationName ?? '',
    joinedOn: row.joinedOn,
    status: row.status,
  }),
};
