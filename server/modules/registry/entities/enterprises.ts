import { Type } from '@sinclair/typebox';
import { eq, or, sql } from 'drizzle-orm';
import { searchBigrams } from '../../../../core/text/bigrams';
import { parseUscc } from '../../../../core/validation/uscc';
import { enterprises } from '../../../db/schema';
import { defineEntity } from '../engine/types';
import { atDoorPlate } from './at-door-plate';
import { checkedUscc, Uscc } from './checks';
import { bodies, Id, OneOf, Output, Text } from './schemas';
import { textSearch } from './search';

export const LicenceStatus = OneOf(
  ['licensed', 'unlicensed', 'expired', 'revoked'],
  'licensed 已办证, unlicensed 未办证, expired 证照过期, revoked 已吊销',
);

/**
 * Size by employees, after the statistical bureau's bands for most industries (统计上大中小微型企业划分):
 * micro under 10, small 10–99, medium 100–999, large 1,000 or more.
 */
const SIZE_EMPLOYEES = {
  micro: [0, 9],
  small: [10, 99],
  medium: [100, 999],
  large: [1000, 1_000_000],
} as const;
export const EnterpriseSize = OneOf(
  ['micro', 'small', 'medium', 'large'],
  'By employees: micro 微型 <10, small 小型 10–99, medium 中型 100–999, large 大型 ≥1000',
);

const fields = {
  addressId: Id('The door plate the enterprise is at'),
  name: Text(100, 'Registered name, e.g. 广州某某科技有限公司'),
  uscc: Uscc,
  industry: Text(50, 'Industry, e.g. 制造业'),
  hazardousChemicals: Type.Boolean({ description: 'Produces, stores or uses hazardous chemicals (危化品)' }),
  licenceStatus: LicenceStatus,
  employees: Type.Integer({ minimum: 0, maximum: 1000000, description: 'Number of employees' }),
  legalRepresentative: Text(50, 'Legal representative 法定代表人'),
};

/** Enterprises (企业): at a door plate, identified by their USCC; searchable by name or exact USCC. */
export const enterpriseEntity = defineEntity({
  path: 'enterprises',
  entity: 'enterprise',
  label: { en: 'Enterprise', zh: '企业' },
  plural: 'enterprises',
  table: enterprises,
  ...bodies(fields, ['addressId', 'name', 'uscc', 'industry', 'licenceStatus', 'legalRepresentative']),
  output: Output({
    ...atDoorPlate.output,
    name: Type.String(),
    uscc: Type.String(),
    industry: Type.String(),
    hazardousChemicals: Type.Boolean(),
    licenceStatus: Type.String(),
    employees: Type.Integer(),
    legalRepresentative: Type.String(),
  }),
  placedBy: atDoorPlate.placedBy,
  metrics: { enterprises: {} },
  filters: {
    licenceStatus: { schema: LicenceStatus, column: 'licenceStatus' },
    hazardousChemicals: { schema: Type.Boolean(), column: 'hazardousChemicals' },
    industry: { schema: Type.String({ minLength: 1, maxLength: 50 }), column: 'industry' },
    size: {
      schema: EnterpriseSize,
      where: (value: keyof typeof SIZE_EMPLOYEES) => {
        const [min, max] = SIZE_EMPLOYEES[value];
        return sql`${enterprises.employees} BETWEEN ${min} AND ${max}`;
      },
    },
    ...atDoorPlate.filter,
  },
  sortable: ['name', 'employees'],
  uniqueFields: { enterprises_uscc_key: 'uscc' },
  search(q) {
    const uscc = parseUscc(q);
    if (uscc.ok) return { where: eq(enterprises.uscc, uscc.value) };
    const byName = textSearch(enterprises.searchBigrams, enterprises.name, q);
    // What could be part of a credit code (4–17 letters or digits) is also looked for inside the USCC:
    // a scan of the enterprises in scope (thousands), no index needed.
    const code = q.replace(/\s+/g, '').toUpperCase();
    if (/^[0-9A-Z]{4,17}$/.test(code))
      return { where: or(byName, sql`${enterprises.uscc} LIKE ${`%${code}%`}`)! };
    return { where: byName };
  },
  async toColumns({ input }) {
    return {
      ...input,
      ...(input.uscc !== undefined && { uscc: checkedUscc(input.uscc) }),
      ...(input.name !== undefined && { searchBigrams: searchBigrams(input.name) }),
    };
  },
  enrich: atDoorPlate.enrich,
  present: (row, _ctx, extra) => ({
    ...atDoorPlate.present(row, extra),
    name: row.name,
    uscc: row.uscc,
    industry: row.industry,
    hazardousChemicals: row.hazardousChemicals,
    licenceStatus: row.licenceStatus,
    employees: row.employees,
    legalRepresentative: row.legalRepresentative,
  }),
});
