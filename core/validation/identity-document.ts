// Identity documents a resident may be registered with, each checked by its own rule (no free-text escape hatch).
import { FOREIGN_NATIONALITIES } from './country-codes';
import { idNumberCheckChar, parseIdNumber } from './id-number';

export const ID_TYPES = [
  /** 居民身份证 (GB 11643) */
  'resident_id',
  /** 港澳台居民居住证: GB 11643 numbers with region 810000 (HK), 820000 (Macau), 830000 (Taiwan) */
  'hmt_residence_permit',
  /** 港澳居民来往内地通行证: H or M and 8 digits (older cards: 10) */
  'hk_macau_pass',
  /** 台湾居民来往大陆通行证: 8 digits */
  'taiwan_pass',
  /** 外国人永久居留身份证: 2023 cards, 18 digits beginning 9 with a GB 11643 check digit */
  'foreign_permanent_residence',
  /** Foreign passport: issuing country (ISO 3166-1 alpha-3) and a 5–17 character number */
  'passport',
  /** A newborn not yet registered (未落户): the birth certificate (出生医学证明) number, a letter and 9 digits */
  'birth_certificate',
] as const;
export type IdType = (typeof ID_TYPES)[number];

export type DocumentProblem =
  | 'format'
  | 'checksum'
  | 'birth_date'
  | 'region'
  | 'nationality_required'
  | 'nationality_unknown'
  | 'nationality_not_allowed'
  | 'too_old_for_birth_certificate';

export interface IdentityDocument {
  idType: IdType;
  /** Normalised document number (upper case, no spaces). */
  number: string;
  /** ISO 3166-1 alpha-3 nationality: passports only. */
  nationality: string | null;
  /** What the number itself says, when it encodes it (GB 11643-shaped numbers). */
  encoded: { birthDate: string; sex: 'M' | 'F' } | null;
}

export type DocumentResult =
  | { ok: true; document: IdentityDocument }
  | { ok: false; problem: DocumentProblem };

const HMT_REGIONS = new Set(['810000', '820000', '830000']);
/** The law asks for registration within a month of birth; two years leaves room for late cases. */
const BIRTH_CERTIFICATE_MAX_AGE_DAYS = 730;

const fail = (problem: DocumentProblem): DocumentResult => ({ ok: false, problem });

export function parseIdentityDocument(
  idType: IdType,
  raw: string,
  nationality: string | null,
  birthDate: string | null,
  today: Date = new Date(),
): DocumentResult {
  const number = raw.replace(/\s+/g, '').toUpperCase();
  const ok = (encoded: IdentityDocument['encoded'] = null, nat: string | null = null): DocumentResult => ({
    ok: true,
    document: { idType, number, nationality: nat, encoded },
  });
  if (idType !== 'passport' && nationality) return fail('nationality_not_allowed');
  switch (idType) {
    case 'resident_id':
    case 'hmt_residence_permit': {
      const parsed = parseIdNumber(number, today);
      if (!parsed.ok) return fail(parsed.reason);
      const hmt = HMT_REGIONS.has(parsed.info.regionCode);
      if (hmt !== (idType === 'hmt_residence_permit')) return fail('region');
      return ok({ birthDate: parsed.info.birthDate, sex: parsed.info.sex });
    }
    case 'foreign_permanent_residence': {
      if (!/^9\d{16}[\dX]$/.test(number)) return fail('format');
      if (idNumberCheckChar(number.slice(0, 17)) !== number[17]) return fail('checksum');
      const compact = number.slice(6, 14);
      const date = `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
      if (!isPastCalendarDate(date, today)) return fail('birth_date');
      return ok({ birthDate: date, sex: (number.charCodeAt(16) - 48) % 2 === 1 ? 'M' : 'F' });
    }
    case 'hk_macau_pass':
      return /^[HM](\d{8}|\d{10})$/.test(number) ? ok() : fail('format');
    case 'taiwan_pass':
      return /^\d{8}$/.test(number) ? ok() : fail('format');
    case 'passport': {
      if (!nationality) return fail('nationality_required');
      const nat = nationality.trim().toUpperCase();
      if (!FOREIGN_NATIONALITIES.has(nat)) return fail('nationality_unknown');
      return /^(?=.*\d)[A-Z0-9]{5,17}$/.test(number) ? ok(null, nat) : fail('format');
    }
    case 'birth_certificate': {
      if (!/^[A-Z]\d{9}$/.test(number)) return fail('format');
      if (birthDate && ageInDays(birthDate, today) > BIRTH_CERTIFICATE_MAX_AGE_DAYS)
        return fail('too_old_for_birth_certificate');
      return ok();
    }
  }
}

/** The value the keyed search hash is taken of: GB 11643-shaped numbers alone (one national number space), others with their type. */
export function documentKey(doc: Pick<IdentityDocument, 'idType' | 'number' | 'nationality'>): string {
  if (doc.idType === 'resident_id' || doc.idType === 'hmt_residence_permit') return doc.number;
  if (doc.idType === 'foreign_permanent_residence') return doc.number;
  return [doc.idType, doc.nationality, doc.number].filter(Boolean).join(':');
}

/**
 * What may be shown without a reveal: only what identifies no one. GB 11643-shaped numbers keep their 6-digit
 * region (place of registration, also shown by the address); every other digit, the birth date and the check
 * digit included, is hidden. Other documents show only their leading letter or nothing.
 */
export function maskDocumentNumber(idType: IdType, number: string): string {
  const chars = Array.from(number);
  const keep =
    idType === 'resident_id' || idType === 'hmt_residence_permit' || idType === 'foreign_permanent_residence'
      ? 6
      : idType === 'hk_macau_pass' || idType === 'birth_certificate'
        ? 1
        : 0;
  return chars.slice(0, keep).join('') + '*'.repeat(Math.max(0, chars.length - keep));
}

function isPastCalendarDate(date: string, today: Date): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return (
    !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date && date >= '1900-01-01' && d <= today
  );
}

function ageInDays(birthDate: string, today: Date): number {
  return Math.floor((today.getTime() - new Date(`${birthDate}T00:00:00Z`).getTime()) / 86_400_000);
}
