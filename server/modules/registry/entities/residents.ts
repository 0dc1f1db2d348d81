import { Type } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import { searchBigrams } from '../../../../core/text/bigrams';
import { parseIdNumber } from '../../../../core/validation/id-number';
import { documentKey } from '../../../../core/validation/identity-document';
import { parsePhone } from '../../../../core/validation/phone';
import { residents } from '../../../db/schema';
import { invalidField } from '../../../lib/errors';
import { defineEntity, type RegistryContext, type SearchPlan } from '../engine/types';
import { houseEntity } from './houses';
import { houseLabels, lookUpAll } from './lookups';
import { protectPhone } from './personal';
import { residentFilters } from './resident-filters';
import { IdTypeSchema, identityColumns } from './resident-identity';
import { bodies, DateString, Id, Nullable, OneOf, Output, Text } from './schemas';
import { textSearch } from './search';

export const HouseholdType = OneOf(['registered', 'floating'], 'registered 户籍 or floating 流动');
export const Sex = OneOf(['M', 'F']);
export const ResidentTag = OneOf([
  'elderly_alone',
  'disabled',
  'key_care',
  'veteran',
  'low_income',
  'left_behind_child',
]);

const fields = {
  houseId: Id('The house the resident lives in'),
  name: Text(50),
  sex: Type.Union([Sex], {
    description: 'Taken from the number for ID cards and permits; required otherwise',
  }),
  birthDate: DateString('Taken from the number for ID cards and permits; required otherwise'),
  householdType: HouseholdType,
  permitExpiry: Nullable(DateString('Residence-permit expiry (floating residents only)')),
  idType: IdTypeSchema,
  idNumber: Type.String({ minLength: 1, maxLength: 30, description: 'Document number; stored encrypted' }),
  nationality: Nullable(
    Type.String({
      pattern: '^[A-Za-z]{3}$',
      description: 'Issuing country of a passport (ISO 3166-1 alpha-3)',
    }),
  ),
  phone: Nullable(Type.String({ minLength: 1, maxLength: 30, description: 'Stored encrypted' })),
  ethnicity: Text(20),
  relation: Text(10, 'Relation to the householder, e.g. 本人, 配偶, 子女'),
  tags: Type.Array(ResidentTag, { maxItems: 10, uniqueItems: true }),
};

/** Exact document numbers a search box may hold, by their shapes (passports need a country: not searchable). */
const DOCUMENT_SHAPES = [
  { idType: 'hk_macau_pass', pattern: /^[HM](\d{8}|\d{10})$/ },
  { idType: 'taiwan_pass', pattern: /^\d{8}$/ },
  { idType: 'birth_certificate', pattern: /^[A-Z]\d{9}$/ },
] as const;

function residentSearch(q: string, ctx: RegistryContext): SearchPlan {
  const compact = q.replace(/\s+/g, '').toUpperCase();
  const id = parseIdNumber(compact);
  const byNumber = (key: string): SearchPlan => ({
    where: eq(residents.idNumberHmac, ctx.pii.hmac(key)),
    identity: 'idNumber',
  });
  if (id.ok) return byNumber(id.value);
  for (const shape of DOCUMENT_SHAPES) {
    if (shape.pattern.test(compact))
      return byNumber(documentKey({ idType: shape.idType, number: compact, nationality: null }));
  }
  const phone = parsePhone(q);
  if (phone.ok) return { where: eq(residents.phoneHmac, ctx.pii.hmac(phone.value)), identity: 'phone' };
  // Any part of the name (张, 小明, 王小): through the name's bigram index, confirmed by LIKE.
  return { where: textSearch(residents.searchBigrams, residents.name, q) };
}

/**
 * Residents (人口): registered and floating, living in a house, identified by a document of one of several
 * types. Document number and phone are encrypted; what is shown rebuilds neither (birth month, not date).
 */
export const residentEntity = defineEntity({
  path: 'residents',
  entity: 'resident',
  label: { en: 'Resident', zh: '居民' },
  plural: 'residents',
  table: residents,
  personalFields: ['idNumber', 'phone'],
  ...bodies(fields, ['houseId', 'name', 'householdType', 'idNumber', 'ethnicity', 'relation']),
  output: Output({
    houseId: Type.Integer(),
    houseLabel: Type.String({ description: 'Door plate and unit of the house: the home address' }),
    name: Type.String(),
    sex: Type.String(),
    birthMonth: Type.String({ description: 'YYYY-MM: the full birth date is part of the ID number' }),
    age: Type.Integer(),
    householdType: Type.String(),
    permitExpiry: Type.Union([Type.String(), Type.Null()]),
    idType: Type.String(),
    idNumber: Type.String({ description: 'Masked' }),
    nationality: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()], { description: 'Masked' }),
    ethnicity: Type.String(),
    relation: Type.String(),
    tags: Type.Array(Type.String()),
  }),
  placedBy: { parent: houseEntity, field: 'houseId' },
  metrics: {
    residents: {},
    floatingResidents: { where: "household_type = 'floating'", filter: { householdType: 'floating' } },
  },
  filters: {
    householdType: { schema: HouseholdType, column: 'householdType' },
    sex: { schema: Sex, column: 'sex' },
    houseId: { schema: Id(), column: 'houseId' },
    idType: { schema: IdTypeSchema, column: 'idType' },
    ...residentFilters(ResidentTag),
  },
  sortable: ['name', 'birthMonth'],
  uniqueFields: { residents_id_number_key: 'idNumber' },
  history: { omitted: ['identityConflict'] },
  search: residentSearch,
  async toColumns(change, lookup) {
    const { input, after } = change;
    const { idNumber: _n, idType: _t, nationality: _c, birthDate: _b, sex: _s, phone, ...plain } = input;
    if (after.householdType === 'registered' && after.permitExpiry) {
      throw invalidField(
        'permitExpiry',
        'only floating residents hold a residence permit',
        '仅流动人口有居住证有效期',
      );
    }
    const aad = { table: 'residents', column: 'phone_enc', rowId: lookup.rowId };
    return {
      ...plain,
      ...(input.name !== undefined && { searchBigrams: searchBigrams(input.name) }),
      ...(await identityColumns(change, lookup)),
      ...(phone !== undefined && protectPhone(lookup.ctx.pii, phone, aad)),
    };
  },
  enrich: (rows, ctx) => lookUpAll(rows, ctx, [['houseLabel', houseLabels, (row) => row.houseId]]),
  present: (row, _ctx, extra) => ({
    houseId: row.houseId,
    houseLabel: extra?.houseLabel ?? '',
    name: row.name,
    sex: row.sex,
    birthMonth: row.birthMonth.slice(0, 7),
    age: ageOn(row.birthMonth, new Date()),
    householdType: row.householdType,
    permitExpiry: row.permitExpiry,
    idType: row.idType,
    idNumber: row.idNumberMasked,
    nationality: row.nationality,
    phone: row.phoneMasked,
    ethnicity: row.ethnicity,
    relation: row.relation,
    tags: row.tags,
  }),
});

/** Completed years, counted from the first day of the birth month (the registry keeps no day). */
export function ageOn(birthDate: string, today: Date): number {
  const [y = 0, m = 1, d = 1] = birthDate.split('-').map(Number);
  const beforeBirthday = today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d);
  return today.getFullYear() - y - (beforeBirthday ? 1 : 0);
}
