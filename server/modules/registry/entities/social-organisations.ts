import { Type } from '@sinclair/typebox';
import { socialOrganisations } from '../../../db/schema';
import { invalidField } from '../../../lib/errors';
import { defineEntity } from '../engine/types';
import { atDoorPlate } from './at-door-plate';
import { checkedUscc, notAfterToday, Uscc } from './checks';
import { bodies, DateString, Id, OneOf, Output, Text } from './schemas';
import { containsSearch } from './search';

export const SocialOrganisationKind = OneOf(
  ['social_group', 'private_non_enterprise', 'foundation'],
  'social_group 社会团体, private_non_enterprise 民办非企业单位, foundation 基金会',
);

const fields = {
  addressId: Id('The door plate the organisation is at'),
  name: Text(100, 'Registered name, e.g. 黄埔区某某协会'),
  uscc: { ...Uscc, description: `${Uscc.description}; civil-affairs registrations start with 5` },
  kind: SocialOrganisationKind,
  registeredOn: DateString('Date of registration with civil affairs (登记日期); not in the future'),
};

/** A USCC issued by civil affairs (its first character is 5), normalised. */
function civilAffairsUscc(raw: string) {
  const uscc = checkedUscc(raw);
  if (uscc.startsWith('5')) return uscc;
  throw invalidField(
    'uscc',
    'a social organisation is registered by civil affairs, so its code starts with 5',
    '社会组织由民政部门登记，统一社会信用代码应以 5 开头',
  );
}

/** Social organisations (社会组织): registered with civil affairs, at a door plate. */
export const socialOrganisationEntity = defineEntity({
  path: 'social-organisations',
  entity: 'social_organisation',
  label: { en: 'Social organisation', zh: '社会组织' },
  plural: 'social organisations',
  table: socialOrganisations,
  ...bodies(fields, ['addressId', 'name', 'uscc', 'kind', 'registeredOn']),
  output: Output({
    ...atDoorPlate.output,
    name: Type.String(),
    uscc: Type.String(),
    kind: Type.String(),
    registeredOn: Type.String(),
  }),
  placedBy: atDoorPlate.placedBy,
  metrics: { socialOrganisations: {} },
  filters: {
    kind: { schema: SocialOrganisationKind, column: 'kind' },
    ...atDoorPlate.filter,
  },
  sortable: ['name', 'registeredOn'],
  uniqueFields: { social_organisations_uscc_key: 'uscc' },
  search: (q) => ({ where: containsSearch(socialOrganisations.name, q) }),
  async toColumns({ input }) {
    const uscc = input.uscc !== undefined ? civilAffairsUscc(input.uscc) : undefined;
    notAfterToday('registeredOn', input.registeredOn);
    return { ...input, ...(uscc !== undefined && { uscc }) };
  },
  enrich: atDoorPlate.enrich,
  present: (row, _ctx, extra) => ({
    ...atDoorPlate.present(row, extra),
    name: row.name,
    uscc: row.uscc,
    kind: row.kind,
    registeredOn: row.registeredOn,
  }),
});
