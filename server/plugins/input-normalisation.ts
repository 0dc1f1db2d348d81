import type { FastifyRequest } from 'fastify';
import { DomainError } from '../lib/errors';

/**
 * Control characters (C0 including tab and newline, DEL, C1) and unpaired UTF-16 surrogates: no field of
 * this API holds them, PostgreSQL refuses NUL in text, and a lone surrogate cannot be encoded as UTF-8.
 */
const FORBIDDEN = /[\p{Cc}\p{Cs}]/u;

/** Passwords are compared exactly as typed: never trimmed or re-normalised, only checked for controls. */
const EXACT_FIELD = /password$/i;

type Part = 'body' | 'query' | 'params';
const PART_ZH: Record<Part, string> = { body: '请求体', query: '查询参数', params: '路径参数' };

function refuse(part: Part, path: string, char: string): never {
  const point = char.codePointAt(0) ?? 0;
  const code = `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;
  const field = path || part;
  throw new DomainError(
    400,
    'invalid_characters',
    {
      en: `${part} field '${field}': must not contain control characters or broken Unicode (found ${code})`,
      zh: `${PART_ZH[part]}字段 ${field}：不能包含控制字符或无效的 Unicode 字符（发现 ${code}）`,
    },
    field,
  );
}

/** One string as the API sees it: NFC, no surrounding white space (passwords: exactly as sent). */
export function normaliseString(value: string, exact: boolean, onForbidden: (char: string) => never) {
  const bad = FORBIDDEN.exec(value);
  if (bad) onForbidden(bad[0]);
  return exact ? value : value.normalize('NFC').trim();
}

function walk(value: unknown, part: Part, path: string, exact: boolean): unknown {
  if (typeof value === 'string') return normaliseString(value, exact, (c) => refuse(part, path, c));
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = walk(value[i], part, `${path}[${i}]`, exact);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const bad = FORBIDDEN.exec(key);
      if (bad) refuse(part, path, bad[0]);
      const at = path ? `${path}.${key}` : key;
      const next = walk(record[key], part, at, exact || EXACT_FIELD.test(key));
      // An HTML form's empty filter (`?q=` or `?q=%20`) means "no filter", not "a blank value".
      if (part === 'query' && !path && typeof next === 'string' && next === '') delete record[key];
      else record[key] = next;
    }
  }
  return value;
}

/**
 * preValidation hook for every route: strings in the body, query and path are NFC-normalised and trimmed
 * before the schema sees them (so `minLength: 1` means "not blank"); control characters are refused with
 * a 400 naming the field. Runs before Ajv, so enum and pattern checks see the normalised text too.
 */
export async function normaliseInput(req: FastifyRequest) {
  if (req.body !== undefined && req.body !== null) req.body = walk(req.body, 'body', '', false);
  if (req.query) walk(req.query, 'query', '', false);
  if (req.params) walk(req.params, 'params', '', false);
}
