import { Type } from '@sinclair/typebox';
import { partyStudios } from '../../../db/schema';
import { activeParent } from '../engine/read';
import { defineEntity } from '../engine/types';
import { atDoorPlate } from './at-door-plate';
import { notAfterToday } from './checks';
import { lookUpAll, partyOrganisationNames } from './lookups';
import { partyOrganisationEntity } from './party-organisations';
import { bodies, DateString, Id, Output, Text } from './schemas';
import { containsSearch } from './search';

const fields = {
  addressId: Id('The door plate the studio is at'),
  partyOrganisationId: Id('The party organisation that runs the studio'),
  name: Text(100, 'e.g. 某某党员先锋工作室'),
  openedOn: DateString('Date the studio opened; not in the future'),
};

/** Party-member studios (党员工作室): run by a party organisation, at a door plate. */
export const partyStudioEntity = defineEntity({
  path: 'party-studios',
  entity: 'party_studio',
  label: { en: 'Party studio', zh: '党员工作室' },
  plural: 'party-member studios',
  table: partyStudios,
  ...bodies(fields, ['addressId', 'partyOrganisationId', 'name', 'openedOn']),
  output: Output({
    ...atDoorPlate.output,
    partyOrganisationId: Type.Integer(),
    partyOrganisationName: Type.String(),
    name: Type.String(),
    openedOn: Type.String(),
  }),
  placedBy: atDoorPlate.placedBy,
  metrics: { partyStudios: {} },
  filters: {
    partyOrganisationId: { schema: Id(), column: 'partyOrganisationId' },
    ...atDoorPlate.filter,
  },
  sortable: ['name', 'openedOn'],
  search: (q) => ({ where: containsSearch(partyStudios.name, q) }),
  async toColumns({ input }, lookup) {
    notAfterToday('openedOn', input.openedOn);
    const organisation = input.partyOrganisationId;
    if (organisation !== undefined)
      await activeParent(lookup, partyOrganisationEntity, organisation, 'partyOrganisationId');
    return input;
  },
  enrich: (rows, ctx) =>
    lookUpAll(rows, ctx, [
      atDoorPlate.addressLookup,
      ['partyOrganisationName', partyOrganisationNames, (r) => r.partyOrganisationId],
    ]),
  present: (row, _ctx, extra) => ({
    ...atDoorPlate.present(row, extra),
    partyOrganisationId: row.partyOrganisationId,
    partyOrganisationName: extra?.partyOrganisationName ?? '',
    name: row.name,
    openedOn: row.openedOn,
  }),
});
