import { Type } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import { maskIdNumber } from '../../../../core/masking';
import { parseIdNumber } from '../../../../core/validation/id-number';
import { parsePhone } from '../../../../core/validation/phone';
import { residents } from '../../../db/schema';
import { invalidField } from '../../../lib/errors';
import type { EntityDefinition, Input, Row } from '../engine/types';
import {
  activeParent,
  bodies,
  CommonOutput,
  DateString,
  Id,
  Nullable,
  placementColumns,
  prefixSearch,
  Text,
} from './common';
import { protectPhone } from './personal';

export const HouseholdType = Type.Union([Type.Literal('registered'), Type.Literal('floating')], {
  description: 'registered 户籍 or floating 流动',
});
export const Sex = Type.Union([Type.Literal('M'), Type.Literal('F')]);
export const ResidentTag = Type.Union(
  ['elderly_alone', 'disabled', 'key_care', 'veteran', 'low_income', 'left_behind_child'].map((v) =>
    Type.Literal(v),
  ),
);

const fields = {
  houseId: Id('The house the resident lives in'),
  name: Text(50),
  sex: Sex,
  birthDate: DateString(),
  householdType: HouseholdType,
  permitExpiry: Nullable(DateString('Residence-permit expiry (floating residents only)')),
  idNumber: Type.String({ minLength: 1, maxLength: 30, description: 'GB 11643 ID number; stored encrypted' }),
  phone: Nullable(Type.String({ minLength: 1, maxLength: 30, description: 'Stored encrypted' })),
  ethnicity: Text(20),
  relation: Text(10, 'Relation to the householder, e.g. 本人, 配偶, 子女'),
  tags: Type.Array(ResidentTag, { maxItems: 10, uniqueItems: true }),
};

const ID_REASONS = {
  format: ['must be 17 digits followed by a digit or X', '应为 17 位数字加 1 位数字或 X'],
  checksum: ['check digit is wrong (GB 11643)', '校验码错误（GB 11643）'],
  birth_date: ['contains an impossible birth date', '出生日期不合法'],
} as const;

/** Checks the ID number and its agreement with birth date and sex; returns the encrypted columns. */
function identityColumns(input: Input, existing: Row | null, decrypt: (b: Buffer) => string) {
  const raw =
    (input.idNumber as string | undefined) ?? (existing ? decrypt(existing.idNumberEnc as Buffer) : '');
  const parsed = parseIdNumber(raw);
  if (!parsed.ok) {
    const [en, zh] = ID_REASONS[parsed.reason];
    throw invalidField('idNumber', en, zh);
  }
  const birthDate = (input.birthDate ?? existing?.birthDate) as string;
  const sex = (input.sex ?? existing?.sex) as string;
  if (parsed.info.birthDate !== birthDate) {
    throw invalidField(
      'birthDate',
      `does not match the ID number (${parsed.info.birthDate})`,
      '与身份证号中的出生日期不一致',
    );
  }
  if (parsed.info.sex !== sex) {
    throw invalidField(
      'sex',
      `does not match the ID number (${parsed.info.sex})`,
      '与身份证号中的性别不一致',
    );
  }
  return { value: parsed.value, changed: input.idNumber !== undefined };
}

/** Residents (人口): registered and floating, living in a house; ID number and phone encrypted. */
export const residentEntity: EntityDefinition = {
  path: 'residents',
  entity: 'resident',
  label: { en: 'Resident', zh: '居民' },
  table: residents,
  personalFields: ['idNumber', 'phone'],
  ...bodies(fields, [
    'houseId',
    'name',
    'sex',
    'birthDate',
    'householdType',
    'idNumber',
    'ethnicity',
    'relation',
  ]),
  output: Type.Object({
    ...CommonOutput,
    houseId: Type.Integer(),
    name: Type.String(),
    sex: Type.String(),
    birthDate: Type.String(),
    age: Type.Integer(),
    householdType: Type.String(),
    permitExpiry: Type.Union([Type.String(), Type.Null()]),
    idNumber: Type.String({ description: 'Masked' }),
    phone: Type.Union([Type.String(), Type.Null()], { description: 'Masked' }),
    ethnicity: Type.String(),
    relation: Type.String(),
    tags: Type.Array(Type.String()),
  }),
  filters: {
    householdType: { schema: HouseholdType, column: 'householdType' },
    sex: { schema: Sex, column: 'sex' },
    houseId: { schema: Type.Integer({ minimum: 1 }), column: 'houseId' },
  },
  sortable: ['name', 'birthDate'],
  uniqueFields: { residents_id_number_key: 'idNumber' },
  dependents: [
    { table: 'health_records', column: 'resident_id', label: { en: 'health records', zh: '健康档案' } },
    { table: 'party_members', column: 'resident_id', label: { en: 'party memberships', zh: '党员信息' } },
  ],
  search(q, ctx) {
    const id = parseIdNumber(q);
    if (id.ok) return { where: eq(residents.idNumberHmac, ctx.pii.hmac(id.value)) };
    const phone = parsePhone(q);
    if (phone.ok) return { where: eq(residents.phoneHmac, ctx.pii.hmac(phone.value)) };
    return { where: prefixSearch('name', q), sort: 'name' };
  },
  async toColumns(input, lookup, existing) {
    const { pii } = lookup.ctx;
    const { idNumber, phone, ...plain } = input;
    const columns: Record<string, unknown> = { ...plain };
    const type = (input.householdType ?? existing?.householdType) as string;
    const expiry = input.permitExpiry !== undefined ? input.permitExpiry : existing?.permitExpiry;
    if (type === 'registered' && expiry) {
      throw invalidField(
        'permitExpiry',
        'only floating residents hold a residence permit',
        '仅流动人口有居住证有效期',
      );
    }
    const idAad = { table: 'residents', column: 'id_number_enc', rowId: lookup.rowId };
    const identity = identityColumns(input, existing, (b) => pii.decrypt(b, idAad));
    if (identity.changed) {
      Object.assign(columns, {
        idNumberEnc: pii.encrypt(identity.value, idAad),
        idNumberHmac: pii.hmac(identity.value),
        idNumberMasked: maskIdNumber(identity.value),
      });
    }
    if (phone !== undefined) {
      const aad = { table: 'residents', column: 'phone_enc', rowId: lookup.rowId };
      Object.assign(columns, protectPhone(pii, phone as string | null, aad));
    }
    if (input.houseId !== undefined || !existing) {
      const house = await activeParent(
        lookup,
        'houses',
        (input.houseId ?? existing?.houseId) as number,
        'houseId',
        {
          en: 'house',
          zh: '房屋',
        },
      );
      Object.assign(columns, placementColumns(house));
    }
    return columns;
  },
  present: (row) => ({
    houseId: row.houseId,
    name: row.name,
    sex: row.sex,
    birthDate: row.birthDate,
    age: ageOn(row.birthDate as string, new Date()),
    householdType: row.householdType,
    permitExpiry: row.permitExpiry,
    idNumber: row.idNumberMasked,
    phone: row.phoneMasked,
    ethnicity: row.ethnicity,
    relation: row.relation,
    tags: row.tags,
  }),
};

export function ageOn(birthDate: string, today: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const beforeBirthday = today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d);
  return today.getFullYear() - y - (beforeBirthday ? 1 : 0);
}
