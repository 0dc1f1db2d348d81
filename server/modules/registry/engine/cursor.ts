import { invalidField } from '../../../lib/errors';

/** Opaque keyset cursor: the sort value and id of the last row of the page before. */
export function encodeCursor(value: unknown, id: number): string {
  const v = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([v, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { value: string | number | boolean; id: number } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && Number.isInteger(parsed[1])) {
      const [value, id] = parsed;
      if (['string', 'number', 'boolean'].includes(typeof value)) return { value, id };
    }
  } catch {
    /* fall through to the error below */
  }
  throw invalidField(
    'cursor',
    'is not a cursor this API returned; start again without it',
    '分页游标无效，请去掉后重试',
  );
}
