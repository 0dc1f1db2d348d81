import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../lib/errors';
import type { PiiCipher } from '../../lib/pii';

/**
 * The account list pages by username (unique). A cursor is the last username, signed together with the
 * list's filters: a cursor altered, forged or carried over to other filters is refused before SQL sees it.
 */
const keys = new WeakMap<PiiCipher, Buffer>();
function cursorKey(pii: PiiCipher): Buffer {
  let key = keys.get(pii);
  if (!key) {
    const ikm = pii.hmac('\u0000accounts-cursor-key');
    key = Buffer.from(hkdfSync('sha256', ikm, 'grid-governance', 'account list cursor v1', 32));
    keys.set(pii, key);
  }
  return key;
}

const sign = (pii: PiiCipher, list: string, username: string) =>
  createHmac('sha256', cursorKey(pii)).update(`${list}\u0000${username}`).digest().subarray(0, 16);

export const invalidCursor = () =>
  new DomainError(
    400,
    'invalid_cursor',
    {
      en: 'cursor: not a cursor this list returned (other filters, or altered); start again without it',
      zh: '分页游标无效（来自其他筛选条件，或已被修改），请去掉后重新开始',
    },
    'cursor',
  );

export function encodeCursor(pii: PiiCipher, list: string, username: string): string {
  return `${Buffer.from(username, 'utf8').toString('base64url')}.${sign(pii, list, username).toString('base64url')}`;
}

export function decodeCursor(pii: PiiCipher, list: string, cursor: string): string {
  const [body, tag, extra] = cursor.split('.');
  if (!body || !tag || extra !== undefined) throw invalidCursor();
  const username = Buffer.from(body, 'base64url').toString('utf8');
  const sent = Buffer.from(tag, 'base64url');
  const expected = sign(pii, list, username);
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) throw invalidCursor();
  return username;
}
