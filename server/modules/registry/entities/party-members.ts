import { Type } from '@sinclair/typebox';
import { partyMembers } from '../../../db/schema';
import { unprocessable } from '../../../lib/errors';
import { activeParent } from '../engine/read';
import { defineEntity } from '../engine/types';
import { notAfterToday } from './checks';
import { lookUpAll, partyOrganisationNames, residentNames } from './lookups';
import { partyOrganisationEntity } from './party-organisations';
import { residentEntity } from './residents';
import { bodies, DateString, Id, OneOf, Output } from './schemas';

export const MemberStatus = OneOf(['full', 'probationary'], 'full 正式党员 or probationary 预备党员');

const fields = {
  residentId: Id('The resident who is the member (one active membership per resident)'),
  partyOrganisationId: Id('The branch or general branch the member belongs to'),
  joinedOn: DateString('Date of joining the Party (入党日期); the member was 18 or older'),
  status: MemberStatus,
};

/** The date `years` after an ISO date (29 February → 1 March in a common year). */
function addYears(date: string, years: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** Party members (党员): a resident's membership of a branch; placed where the resident lives. */
export const partyMemberEntity = defineEntity({
  path: 'party-members',
  entity: 'party_member',
  label: { en: 'Party member', zh: '党员' },
  plural: 'party memberships',
  table: partyMembers,
  ...bodies(fields, ['residentId', 'partyOrganisationId', 'joinedOn', 'status']),
  output: Output({
    residentId: Type.Integer(),
    residentName: Type.String({ description: 'Masked' }),
    partyOrganisationId: Type.Integer(),
    partyOrganisationName: Type.String(),
    joinedOn: Type.String(),
    status: Type.String(),
  }),
  placedBy: { parent: residentEntity, field: 'residentId' },
  metrics: { partyMembers: {} },
  filters: {
    status: { schema: MemberStatus, column: 'status' },
    partyOrganisationId: { schema: Id(), column: 'partyOrganisationId' },
    residentId: { schema: Id(), column: 'residentId' },
  },
  sortable: ['joinedOn'],
  uniqueFields: { party_members_resident_key: 'residentId' },
  async toColumns({ input, existing, after }, lookup) {
    notAfterToday('joinedOn', input.joinedOn);
    if (!existing || input.residentId !== undefined || input.joinedOn !== undefined) {
      const resident = await activeParent(lookup, residentEntity, after.residentId, 'residentId');
      // The registry keeps birth months only: the check is at month precision.
      const adult = addYears(resident.birthMonth, 18);
      if (after.joinedOn < adult) {
        throw unprocessable(
          'too_young',
          `joinedOn: the resident turns 18 in ${adult.slice(0, 7)}; a member must be 18 or older on joining`,
          `joinedOn：该居民于 ${adult.slice(0, 7)} 年满 18 周岁，入党时须年满 18 周岁`,
          'joinedOn',
        );
      }
    }
    if (!existing || input.partyOrganisationId !== undefined) {
      const organisation = await activeParent(
        lookup,
        partyOrganisationEntity,
        after.partyOrganisationId,
        'partyOrganisationId',
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
    return input;
  },
  enrich: (rows, ctx) =>
    lookUpAll(rows, ctx, [
      ['residentName', residentNames, (r) => r.residentId],
      ['partyOrganisationName', partyOrganisationNames, (r) => r.partyOrganisationId],
    ]),
  present: (row, _ctx, extra) => ({
    residentId: row.residentId,
    residentName: extra?.residentName ?? '',
    partyOrganisationId: row.partyOrganisationId,
    partyOrganisationName: extra?.partyOrganisationName ?? '',
    joinedOn: row.joinedOn,
    status: row.status,
  }),
});
