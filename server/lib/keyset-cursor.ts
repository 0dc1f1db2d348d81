import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { MAX_ID } from '../plugins/input-bounds';
import { DomainError } from './errors';
import type { PiiCipher } from './pii';

/**
 * Keyset cursors are opaque to clients and sealed with AES-256-GCM: the sort value inside may be personal
 * (a resident's birth date), and a cursor forged or carried over to another list must not reach SQL.
 * Layout (base64url): [iv 12][tag 16][ciphertext of JSON [value, id]]. The additional data is the list it
 * belongs to (entity, sort, order, filters), so a cursor only opens on the list that issued it. Every keyset-paged
 * list (the registry's, the accounts') uses these, each with list keys of its own.
 */
const IV_LENGTH = 12;
const TAG_LENGTH = 16;

/** The sort value a list expects back: none for id order, else the column's JSON type. */
export type CursorValueKind = 'none' | 'string' | 'number';

const keys = new WeakMap<PiiCipher, Buffer>();

/**
 * Derived from the PII HMAC key, so every API process with the same configuration agrees and nothing new
 * must be configured. The HMAC of a label that starts with NUL (never a valid ID number or phone, the only
 * values otherwise HMAC'd) is the input keying material; HKDF separates it from other uses.
 */
function cursorKey(pii: PiiCipher): Buffer {
  let key = keys.get(pii);
  if (!key) {
    const ikm = pii.hmac('\u0000registry-cursor-key');
    key = Buffer.from(hkdfSync('sha256', ikm, 'grid-governance', 'registry list cursor v1', 32));
    keys.set(pii, key);
  }
  return key;
}

export function invalidCursor(): DomainError {
  return new DomainError(
    400,
    'invalid_cursor',
    {
      en: 'cursor: not a cursor this list returned (it belongs to another list, sort or filter, or was altered); start again without it',
      zh: '分页游标无效（来自其他列表、排序或筛选条件，或已被修改），请去掉后重新开始',
    },
    'cursor',
  );
}

export function encodeCursor(pii: PiiCipher, list: string, value: unknown, id: number): string {
  const v = value instanceof Date ? value.toISOString() : value;
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', cursorKey(pii), iv, { authTagLength: TAG_LENGTH });
  cipher.setAAD(Buffer.from(list, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify([v ?? null, id]), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The last row's sort value and id, or `invalid_cursor` (400) for anything this list did not issue. */
export function decodeCursor(
  pii: PiiCipher,
  list: string,
  cursor: string,
  kind: CursorValueKind,
): { value: string | number | null; id: number } {
  let parsed: unknown;
  try {
    const raw = Buffer.from(cursor, 'base64url');
    if (raw.length <= IV_LENGTH + TAG_LENGTH) throw invalidCursor();
    const decipher = createDecipheriv('aes-256-gcm', cursorKey(pii), raw.subarray(0, IV_LENGTH), {
      authTagLength: TAG_LENGTH,
    });
    decipher.setAAD(Buffer.from(list, 'utf8'));
    decipher.setAuthTag(raw.subarray(IV_LENGTH, IV_LENGTH + TAG_LENGTH));
    const plain = Buffer.concat([decipher.update(raw.subarray(IV_LENGTH + TAG_LENGTH)), decipher.final()]);
    parsed = JSON.parse(plain.toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  // Authenticated, so these hold for every cursor we issued; checked anyway so SQL never sees a surprise.
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalidCursor();
  const [value, id] = parsed as [unknown, unknown];
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > MAX_ID) throw invalidCursor();
  const valueOk =
    kind === 'none'
      ? value === null
      : kind === 'number'
        ? typeof value === 'number' && Number.isFinite(value)
        : typeof value === 'string';
  if (!valueOk) throw invalidCursor();
  return { value: value as string | number | null, id };
}
