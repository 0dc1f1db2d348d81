import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_DATE, MIN_DATE } from '../plugins/input-bounds';
import { CALLER_DATABASE_FAULTS, databaseFault, redactMessage, redactStack } from './error-redaction';
import { DomainError } from './errors';
import { DataIntegrityError } from './pii';

type Lang = 'en' | 'zh';
export const requestLanguage = (req: FastifyRequest): Lang =>
  /^\s*en/i.test(String(req.headers['accept-language'] ?? '')) ? 'en' : 'zh';

const AJV_ZH: Record<string, (p: Record<string, unknown>) => string> = {
  required: (p) => `缺少必填字段 ${String(p.missingProperty)}`,
  additionalProperties: (p) => `不允许的字段 ${String(p.additionalProperty)}`,
  type: (p) => `类型应为 ${String(p.type)}`,
  maxLength: (p) => `长度不能超过 ${String(p.limit)} 个字符`,
  minLength: (p) => `长度不能少于 ${String(p.limit)} 个字符`,
  minimum: (p) => `不能小于 ${String(p.limit)}`,
  maximum: (p) => `不能大于 ${String(p.limit)}`,
  pattern: () => '格式不正确',
  format: (p) => `格式应为 ${String(p.format)}`,
  enum: (p) => `取值应为 ${(p.allowedValues as unknown[]).join(' / ')} 之一`,
  const: (p) => `取值应为 ${String(p.allowedValue)}`,
  maxItems: (p) => `最多 ${String(p.limit)} 项`,
  minItems: (p) => `至少 ${String(p.limit)} 项`,
  minProperties: () => '至少要有一个字段',
  uniqueItems: () => '不能有重复项',
  exclusiveMinimum: (p) => `应大于 ${String(p.limit)}`,
  anyOf: () => '取值不符合任何允许的形式',
};

/** Formats whose rule is ours (server/plugins/input-bounds.ts): say the rule, not just the name. */
const FORMAT_TEXT: Record<string, { en: string; zh: string }> = {
  date: {
    en: `must be a real date YYYY-MM-DD between ${MIN_DATE} and ${MAX_DATE}`,
    zh: `应为 ${MIN_DATE} 至 ${MAX_DATE} 之间的有效日期（YYYY-MM-DD）`,
  },
  'date-time': {
    en: `must be a date-time with time zone (e.g. 2024-05-01T08:00:00+08:00) between ${MIN_DATE} and ${MAX_DATE}`,
    zh: `应为带时区的日期时间（如 2024-05-01T08:00:00+08:00），在 ${MIN_DATE} 至 ${MAX_DATE} 之间`,
  },
};

interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

function describeValidation(err: FastifyError, lang: Lang) {
  const issue = (err.validation as AjvIssue[] | undefined)?.[0];
  if (!issue) return { field: undefined, message: err.message };
  const extra = issue.params.missingProperty ?? issue.params.additionalProperty;
  const path = [issue.instancePath.replace(/^\//, '').replaceAll('/', '.'), extra].filter(Boolean).join('.');
  const where = err.validationContext ?? 'body';
  const field = path || where;
  const format = issue.keyword === 'format' ? FORMAT_TEXT[String(issue.params.format)] : undefined;
  if (lang === 'zh') {
    const zh = format?.zh ?? AJV_ZH[issue.keyword]?.(issue.params) ?? issue.message ?? '取值不正确';
    return { field, message: `${where} ${path ? `字段 ${path}` : ''}：${zh}`.replace('  ', ' ') };
  }
  const en =
    issue.keyword === 'additionalProperties'
      ? `unknown field '${String(extra)}' is not allowed`
      : (format?.en ?? issue.message);
  return { field, message: `${where}${path ? ` field '${path}'` : ''}: ${en}` };
}

const FASTIFY_CODES: Record<string, { en: string; zh: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { en: 'The request body is not valid JSON', zh: '请求体不是有效的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { en: 'The request body is empty', zh: '请求体为空' },
  FST_ERR_CTP_BODY_TOO_LARGE: { en: 'The request body is too large', zh: '请求体过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    en: 'Send the body as application/json',
    zh: '请以 application/json 格式提交',
  },
};

/** What a failure leaves in the log: route and code, a message without values, frames without SQL. */
function logFailure(
  req: FastifyRequest,
  level: 'info' | 'warn' | 'error',
  err: Error,
  code: string,
  extra: Record<string, unknown> = {},
) {
  // A database error's own message, not the wrapper's (Drizzle's holds the SQL text and parameters).
  const fault = databaseFault(err);
  const message = redactMessage(fault ? fault.message : err.message);
  req.log[level](
    {
      route: `${req.method} ${req.routeOptions.url ?? '(no route)'}`,
      code,
      ...extra,
      ...(level === 'info' ? {} : { stack: redactStack(err, message) }),
    },
    message,
  );
}

/** The one place that turns failures into HTTP answers: a stable code, a message a person can act on. */
export function handleError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const lang = requestLanguage(req);
  if (err instanceof DomainError) {
    const where = err instanceof DataIntegrityError ? { where: err.where } : {};
    logFailure(req, err.statusCode >= 500 ? 'error' : 'info', err, err.code, where);
    return reply
      .status(err.statusCode)
      .send({ statusCode: err.statusCode, code: err.code, message: err.text[lang], field: err.field });
  }
  if (err.validation) {
    const { field, message } = describeValidation(err, lang);
    logFailure(req, 'info', err, 'invalid_request', { field });
    return reply.status(400).send({ statusCode: 400, code: 'invalid_request', message, field });
  }
  const known = err.code ? FASTIFY_CODES[err.code] : undefined;
  if (known || (err.statusCode && err.statusCode < 500)) {
    const status = err.statusCode ?? 400;
    const message = known ? known[lang] : err.message;
    logFailure(req, 'info', err, err.code ?? 'bad_request');
    return reply.status(status).send({ statusCode: status, code: err.code ?? 'bad_request', message });
  }
  const fault = databaseFault(err);
  const callerFault = fault && CALLER_DATABASE_FAULTS[fault.code];
  const where = fault && {
    pgCode: fault.code,
    table: fault.table,
    column: fault.column,
    constraint: fault.constraint,
  };
  if (callerFault) {
    logFailure(req, 'warn', err, 'invalid_value', where ?? {});
    return reply
      .status(400)
      .send({ statusCode: 400, code: 'invalid_value', message: callerFault[lang], field: fault.column });
  }
  logFailure(req, 'error', err, 'internal', where ?? {});
  const message = lang === 'en' ? 'Internal error; it has been logged' : '服务器内部错误，已记录';
  return reply.status(500).send({ statusCode: 500, code: 'internal', message });
}
