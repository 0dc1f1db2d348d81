import { Type } from '@sinclair/typebox';
import { partyStudios } from '../../../db/schema';
import type { EntityDefinition, Row } from '../engine/types';
import { activeParent, bodies, CommonOutput, DateString, Id, placementAtAddress, Text } from './common';
import { addressTexts } from './enterprises';
import { notAfterToday } from './health-records';
import { partyOrganisationLabel, partyOrganisationNames } from './party-organisations';
import { containsSearch } from './social-organisations';

const fields = {
  addressId: Id('The door plate the studio is at'),
  partyOrganisationId: Id('The party organisation that runs the studio'),
  name: Text(100, 'e.g. 某某党员先锋工作室'),
  openedOn: DateString('Date the studio opened; not in the future'),
};

/** Party-member studios (党员工作室): run by a party organisation, at a door plate. */
export const partyStudioEntity: EntityDefinition = {
  path: 'party-studios',
  entity: 'party_studio',
  label: { en: 'Party studio', zh: '党员工作室' },
  table: partyStudios,
  ...bodies(fields, ['addressId', 'partyOrganisationId', 'name', 'openedOn']),
  output: Type.Object({
    ...CommonOutput,
    addressId: Type.Integer(),
    address: Type.String(),
    partyOrganisationId: Type.Integer(),
    partyOrganisationName: Type.String(),
    name: Type.String(),
    openedOn: Type.String(),
  }),
  filters: {
    partyOrganisationId: { schema: Id(), column: 'partyOrganisationId' },
    addressId: { schema: Id(), column: 'addressId' },
  },
  sortable: ['name', 'openedOn'],
  search: (q) => ({ where: containsSearch('name', q) }),
  async toColumns(input, lookup, existing) {
    const columns: Record<string, unknown> = { ...input };
    notAfterToday('openedOn', input.openedOn);
    Object.assign(columns, await placementAtAddress(lookup, input, existing));
    if (input.partyOrganisationId !== undefined) {
      const id = input.partyOrganisationId as number;
      await activeParent(lookup, 'party_organisations', id, 'partyOrganisationId', partyOrganisationLabel);
    }
    return columns;
  },
  async enrich(rows: Row[], ctx) {
    const [texts, organisations] = await Promise.all([
      addressTexts(rows, ctx),
      partyOrganisationNames(
        ctx,
        rows.map((r) => r.partyOrganisationId as number),
      ),
    ]);
    return new Map(
      rows.map((r) => [
        r.id,
        {
          ...texts.get(r.id),
          partyOrganisationName: organisations.get(r.partyOrganisationId as number) ?? '',
        },
      ]),
    );
  },
  present: (row, _ctx, extra) => ({
    addressId: row.addressId,
    address: extra.get(row.id)?.address ?? '',
    partyOrganisationId: row.partyOrganisationId,
    partyOrganisationName: extra.get(row.id)?.partyOrganisationName ?? '',
    name: row.name,
    openedOn: row.openedOn,
  }),
};
