import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { socialOrganisations } from '../../../db/schema';
import { invalidField } from '../../../lib/errors';
import type { EntityDefinition } from '../engine/types';
import { bodies, CommonOutput, DateString, Id, placementAtAddress, Text } from './common';
import { addressTexts, checkedUscc, Uscc } from './enterprises';
import { notAfterToday } from './health-records';

/** Case-insensitive substring match on a text column, with LIKE wildcards in `q` taken literally. */
export function containsSearch(column: string, q: string) {
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`lower(${sql.identifier(column)}) LIKE ${pattern}`;
}

export const SocialOrganisationKind = Type.Union(
  ['social_group', 'private_non_enterprise', 'foundation'].map((v) => Type.Literal(v)),
  { description: 'social_group 社会团体, private_non_enterprise 民办非企业单位, foundation 基金会' },
);

const fields = {
  addressId: Id('The door plate the organisation is at'),
  name: Text(100, 'Registered name, e.g. 黄埔区某某协会'),
  uscc: { ...Uscc, description: `${Uscc.description}; civil-affairs registrations start with 5` },
  kind: SocialOrganisationKind,
  registeredOn: DateString('Date of registration with civil affairs (登记日期); not in the future'),
};

/** Social organisations (社会组织): registered with civil affairs, at a door plate. */
export const socialOrganisationEntity: EntityDefinition = {
  path: 'social-organisations',
  entity: 'social_organisation',
  label: { en: 'Social organisation', zh: '社会组织' },
  table: socialOrganisations,
  ...bodies(fields, ['addressId', 'name', 'uscc', 'kind', 'registeredOn']),
  output: Type.Object({
    ...CommonOutput,
    addressId: Type.Integer(),
    address: Type.String(),
    name: Type.String(),
    uscc: Type.String(),
    kind: Type.String(),
    registeredOn: Type.String(),
  }),
  filters: {
    kind: { schema: SocialOrganisationKind, column: 'kind' },
    addressId: { schema: Id(), column: 'addressId' },
  },
  sortable: ['name', 'registeredOn'],
  uniqueFields: { social_organisations_uscc_key: 'uscc' },
  search: (q) => ({ where: containsSearch('name', q) }),
  async toColumns(input, lookup, existing) {
    const columns: Record<string, unknown> = { ...input };
    if (input.uscc !== undefined) {
      const uscc = checkedUscc(input.uscc as string);
      if (!uscc.startsWith('5')) {
        throw invalidField(
          'uscc',
          'a social organisation is registered by civil affairs, so its code starts with 5',
          '社会组织由民政部门登记，统一社会信用代码应以 5 开头',
        );
      }
      columns.uscc = uscc;
    }
    notAfterToday('registeredOn', input.registeredOn);
    Object.assign(columns, await placementAtAddress(lookup, input, existing));
    return columns;
  },
  enrich: addressTexts,
  present: (row, _ctx, extra) => ({
    addressId: row.addressId,
    address: extra.get(row.id)?.address ?? '',
    name: row.name,
    uscc: row.uscc,
    kind: row.kind,
    registeredOn: row.registeredOn,
  }),
};
