import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import {
  type DocumentProblem,
  documentKey,
  ID_TYPES,
  type IdType,
  maskDocumentNumber,
  parseIdentityDocument,
} from '../../../../core/validation/identity-document';
import { execRows } from '../../../db/client';
import type { residents } from '../../../db/schema';
import { conflict, invalidField } from '../../../lib/errors';
import type { Lookup } from '../engine/types';

/** The identity fields of a resident's create or update body. */
type IdentityInput = {
  idNumber?: string;
  idType?: IdType;
  nationality?: string | null;
  birthDate?: string;
  sex?: 'M' | 'F';
};
type ResidentRow = typeof residents.$inferSelect;
type IdentityChange = { input: IdentityInput; existing: ResidentRow | null };

export const IdTypeSchema = Type.Union(
  ID_TYPES.map((t) => Type.Literal(t)),
  { description: 'Identity document: resident_id (default), hmt_residence_permit, hk_macau_pass, …' },
);

const PROBLEMS: Record<DocumentProblem, [field: string, en: string, zh: string]> = {
  format: ['idNumber', 'does not have the form of this document type', '不符合该证件类型的号码格式'],
  checksum: ['idNumber', 'check digit is wrong (GB 11643)', '校验码错误（GB 11643）'],
  birth_date: ['idNumber', 'contains an impossible birth date', '出生日期不合法'],
  region: [
    'idType',
    'numbers from 810000/820000/830000 are Hong Kong, Macau and Taiwan residence permits (hmt_residence_permit); others are resident_id',
    '810000/820000/830000 开头的号码为港澳台居民居住证（hmt_residence_permit），其余为居民身份证（resident_id）',
  ],
  nationality_required: [
    'nationality',
    'a passport needs its issuing country (ISO 3166-1 alpha-3)',
    '护照须填写签发国家（三位字母代码）',
  ],
  nationality_unknown: [
    'nationality',
    'is not a known foreign country code (ISO 3166-1 alpha-3)',
    '不是有效的外国国家代码',
  ],
  nationality_not_allowed: ['nationality', 'is given only with a passport', '仅护照需要填写国籍'],
  too_old_for_birth_certificate: [
    'idType',
    'a birth certificate stands in only for a child under two not yet registered',
    '出生医学证明仅适用于未满两周岁、尚未落户的儿童',
  ],
};

const ENCODES_BIRTH = new Set<IdType>(['resident_id', 'hmt_residence_permit', 'foreign_permanent_residence']);

/**
 * The identity columns of a create or update. The document is checked by its type's rule; when the number
 * encodes birth date and sex they are taken from it. Changing the birth date or sex alone of such a record is
 * refused whatever the value, so that an update cannot be used to test guesses at the hidden part of a number.
 */
export async function identityColumns({ input, existing }: IdentityChange, lookup: Lookup) {
  const docChanged =
    input.idNumber !== undefined || input.idType !== undefined || input.nationality !== undefined;
  if (existing && !docChanged) {
    const derived = ENCODES_BIRTH.has(existing.idType);
    for (const field of ['birthDate', 'sex'] as const) {
      if (input[field] !== undefined && derived)
        throw invalidField(
          field,
          'comes from the ID number; to correct it, send the corrected idNumber',
          '由证件号码确定；如需更正，请提交更正后的证件号码',
        );
    }
    return {
      ...(input.birthDate !== undefined && { birthMonth: firstOfMonth(input.birthDate) }),
      ...(input.sex !== undefined && { sex: input.sex }),
    };
  }
  if (input.idNumber === undefined)
    throw invalidField(
      'idNumber',
      'send the number together with its document type',
      '请同时提交证件号码和证件类型',
    );
  // A new number alone keeps the record's document type (and a passport its country).
  const idType = input.idType ?? existing?.idType ?? 'resident_id';
  const sameType = existing?.idType === idType;
  const nationality =
    input.nationality !== undefined ? input.nationality : sameType ? (existing?.nationality ?? null) : null;
  const birthInput = input.birthDate ?? existing?.birthMonth ?? null;
  const parsed = parseIdentityDocument(idType, input.idNumber, nationality, birthInput);
  if (!parsed.ok) {
    const [field, en, zh] = PROBLEMS[parsed.problem];
    throw invalidField(field, en, zh);
  }
  const doc = parsed.document;
  const person = personColumns(input, existing, doc.encoded);
  const { pii } = lookup.ctx;
  const hmac = pii.hmac(documentKey(doc));
  const aad = { table: 'residents', column: 'id_number_enc', rowId: lookup.rowId };
  return {
    ...person,
    idType,
    nationality: doc.nationality,
    idNumberEnc: pii.encrypt(doc.number, aad),
    idNumberHmac: hmac,
    idNumberMasked: maskDocumentNumber(idType, doc.number),
    identityConflict: await holderElsewhere(lookup, hmac),
  };
}

function personColumns(
  input: IdentityInput,
  existing: ResidentRow | null,
  encoded: { birthDate: string; sex: 'M' | 'F' } | null,
) {
  if (encoded) {
    if (input.birthDate !== undefined && input.birthDate !== encoded.birthDate)
      throw invalidField('birthDate', 'does not match the ID number', '与证件号码中的出生日期不一致');
    if (input.sex !== undefined && input.sex !== encoded.sex)
      throw invalidField('sex', 'does not match the ID number', '与证件号码中的性别不一致');
    return { birthMonth: firstOfMonth(encoded.birthDate), sex: encoded.sex };
  }
  const birthMonth = input.birthDate !== undefined ? firstOfMonth(input.birthDate) : existing?.birthMonth;
  const sex = input.sex ?? existing?.sex;
  if (birthMonth === undefined)
    throw invalidField('birthDate', 'is required with this document type', '该证件类型须填写出生日期');
  if (sex === undefined)
    throw invalidField('sex', 'is required with this document type', '该证件类型须填写性别');
  return { birthMonth, sex };
}

const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;

/**
 * Another active resident with this number. Inside the caller's area: a 409 naming it (they can see it anyway).
 * Outside: no answer that tells so — the record is accepted, marked as a conflict, and the district centre gets a
 * reconciliation task (the person has most likely moved within the district).
 */
async function holderElsewhere({ tx, ctx, rowId }: Lookup, hmac: Buffer): Promise<boolean> {
  const [holder] = await execRows<{ id: number; visible: boolean }>(
    tx,
    sql`SELECT id, (${sql.raw(ctx.scope.rowsSql())}) AS visible FROM residents
         WHERE id_number_hmac = ${hmac} AND archived_at IS NULL AND NOT identity_conflict AND id <> ${rowId}
         FOR UPDATE`,
  );
  if (!holder) {
    await tx.execute(sql`UPDATE identity_conflicts SET resolved_at = now(), resolved_by = ${ctx.actorId},
      resolution = 'number_corrected' WHERE resident_id = ${rowId} AND resolved_at IS NULL`);
    return false;
  }
  if (holder.visible)
    throw conflict(
      'duplicate',
      `This person is already registered in your area as resident ${holder.id}`,
      `此人已在您的辖区登记（居民编号 ${holder.id}）`,
      'idNumber',
    );
  await tx.execute(sql`INSERT INTO identity_conflicts (resident_id, existing_resident_id, reported_by)
    SELECT ${rowId}, ${holder.id}, ${ctx.actorId} WHERE NOT EXISTS (SELECT 1 FROM identity_conflicts
      WHERE resident_id = ${rowId} AND existing_resident_id = ${holder.id} AND resolved_at IS NULL)`);
  return true;
}
