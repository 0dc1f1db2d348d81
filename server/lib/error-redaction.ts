/**
 * What a failure may put in the log. Database errors carry the SQL text and its parameters (names, birth
 * dates, masked ID numbers) in their message and in properties (`query`, `params`, `detail`); a log line
 * is built from the parts that name the failure, never from the values that caused it.
 */

/** A PostgreSQL error (node-postgres or PGlite), possibly wrapped by Drizzle as the `cause`. */
export interface DatabaseFault {
  code: string;
  message: string;
  table?: string;
  column?: string;
  constraint?: string;
}

export function databaseFault(err: unknown): DatabaseFault | null {
  let at: unknown = err;
  for (let depth = 0; at && typeof at === 'object' && depth < 5; depth++) {
    const e = at as Record<string, unknown>;
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && 'severity' in e) {
      return {
        code: e.code,
        message: String(e.message ?? ''),
        table: typeof e.table === 'string' ? e.table : undefined,
        column: typeof e.column === 'string' ? e.column : undefined,
        constraint: typeof e.constraint === 'string' ? e.constraint : undefined,
      };
    }
    at = e.cause;
  }
  return null;
}

/**
 * A message with anything that may be a value taken out: quoted text, and runs of four or more digits
 * (ID numbers, phones, dates), and everything after the first line (Drizzle appends the SQL and params).
 */
export function redactMessage(message: string): string {
  if (/^Failed query/i.test(message)) return 'database query failed';
  return (message.split('\n')[0] ?? '')
    .replace(/"[^"]*"|'[^']*'|“[^”]*”|‘[^’]*’/g, '"…"')
    .replace(/\d[\d-]{3,}\d|\d{4,}/g, '…')
    .slice(0, 300);
}

/** The stack's frames under a redacted first line; the original message may hold the SQL parameters. */
export function redactStack(err: Error, message: string): string | undefined {
  if (!err.stack) return undefined;
  const frames = err.stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [`${err.name}: ${message}`, ...frames].join('\n');
}

/**
 * Database errors the caller's input caused, as a safety net behind the schemas: wrong form (22P02), number
 * out of range (22003), date/time out of range or malformed (22008, 22007), text too long (22001), and
 * characters the database cannot store (22021, 22P05). Each becomes a 400, never a 500.
 */
export const CALLER_DATABASE_FAULTS: Record<string, { en: string; zh: string }> = {
  '22P02': { en: 'A value does not have the form its field needs', zh: '某个字段的取值格式不正确' },
  '22003': { en: 'A number is out of the range its field allows', zh: '某个数值超出了字段允许的范围' },
  '22008': { en: 'A date or time is out of the supported range', zh: '日期或时间超出支持的范围' },
  '22007': { en: 'A date or time is not written correctly', zh: '日期或时间格式不正确' },
  '22001': { en: 'A text value is longer than its field allows', zh: '某个文本超出字段允许的长度' },
  '22021': { en: 'A text value holds characters that cannot be stored', zh: '文本中含有无法保存的字符' },
  '22P05': { en: 'A text value holds characters that cannot be stored', zh: '文本中含有无法保存的字符' },
};
