import { Type } from '@sinclair/typebox';
import { eq, inArray } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { searchBigrams } from '../../../../core/text/bigrams';
import { parseUscc } from '../../../../core/validation/uscc';
import { addresses, enterprises } from '../../../db/schema';
import { invalidField } from '../../../lib/errors';
import type { EntityDefinition, RegistryContext, Row } from '../engine/types';
import { bodies, CommonOutput, Id, placementAtAddress, Text, textSearch } from './common';

export const LicenceStatus = Type.Union(
  ['licensed', 'unlicensed', 'expired', 'revoked'].map((v) => Type.Literal(v)),
  { description: 'licensed 已办证, unlicensed 未办证, expired 证照过期, revoked 已吊销' },
);

export const Uscc = Type.String({
  minLength: 1,
  maxLength: 30,
  description: 'Unified Social Credit Code 统一社会信用代码 (GB 32100, 18 characters); stored upper-case',
});

const USCC_REASONS = {
  format: [
    'must be 18 characters of 0-9 and A-Z except I, O, S, V, Z',
    '应为 18 位，由数字和除 I、O、S、V、Z 外的大写字母组成',
  ],
  checksum: ['check character is wrong (GB 32100)', '校验码错误（GB 32100）'],
} as const;

/** The normalised USCC, or a 400 naming the field that says whether the format or the checksum failed. */
export function checkedUscc(raw: string, field = 'uscc'): string {
  const parsed = parseUscc(raw);
  if (parsed.ok) return parsed.value;
  const [en, zh] = USCC_REASONS[parsed.reason];
  throw invalidField(field, en, zh);
}

/** One column of the rows with these ids, keyed by id (a batched look-up for `enrich`). */
export async function valuesById<T>(
  ctx: RegistryContext,
  table: PgTable & { id: AnyPgColumn },
  column: AnyPgColumn,
  ids: number[],
): Promise<Map<number, T>> {
  const unique = [...new Set(ids.filter((id) => id != null))];
  if (unique.length === 0) return new Map();
  const rows = await ctx.db.orm
    .select({ id: table.id, value: column })
    .from(table as PgTable)
    .where(inArray(table.id, unique));
  return new Map(rows.map((r) => [r.id as number, r.value as T]));
}

/** `enrich` for records behind a door plate: each row's address text. */
export async function addressTexts(rows: Row[], ctx: RegistryContext) {
  const text = await valuesById<string>(
    ctx,
    addresses,
    addresses.fullText,
    rows.map((r) => r.addressId as number),
  );
  return new Map(rows.map((r) => [r.id, { address: text.get(r.addressId as number) ?? '' }]));
}

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
export const enterpriseEntity: EntityDefinition = {
  path: 'enterprises',
  entity: 'enterprise',
  label: { en: 'Enterprise', zh: '企业' },
  table: enterprises,
  ...bodies(fields, ['addressId', 'name', 'uscc', 'industry', 'licenceStatus', 'legalRepresentative']),
  output: Type.Object({
    ...CommonOutput,
    addressId: Type.Integer(),
    address: Type.String(),
    name: Type.String(),
    uscc: Type.String(),
    industry: Type.String(),
    hazardousChemicals: Type.Boolean(),
    licenceStatus: Type.String(),
    employees: Type.Integer(),
    legalRepresentative: Type.String(),
  }),
  filters: {
    licenceStatus: { schema: LicenceStatus, column: 'licenceStatus' },
    hazardousChemicals: { schema: Type.Boolean(), column: 'hazardousChemicals' },
    industry: { schema: Type.String({ minLength: 1, maxLength: 50 }), column: 'industry' },
    addressId: { schema: Id(), column: 'addressId' },
  },
  sortable: ['name', 'employees'],
  uniqueFields: { enterprises_uscc_key: 'uscc' },
  search(q) {
    const uscc = parseUscc(q);
    if (uscc.ok) return { where: eq(enterprises.uscc, uscc.value) };
    return { where: textSearch('search_bigrams', 'name', q) };
  },
  async toColumns(input, lookup, existing) {
    const columns: Record<string, unknown> = { ...input };
    if (input.uscc !== undefined) columns.uscc = checkedUscc(input.uscc as string);
    if (input.name !== undefined) columns.searchBigrams = searchBigrams(input.name as string);
    Object.assign(columns, await placementAtAddress(lookup, input, existing));
    return columns;
  },
  enrich: addressTexts,
  present: (row, _ctx, extra) => ({
    addressId: row.addressId,
    address: extra.get(row.id)?.address ?? '',
    name: row.name,
    uscc: row.uscc,
    industry: row.industry,
    hazardousChemicals: row.hazardousChemicals,
    licenceStatus: row.licenceStatus,
    employees: row.employees,
    legalRepresentative: row.legalRepresentative,
  }),
};
