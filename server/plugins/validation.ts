import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { isSaneDate, isSaneDateTime, MAX_ID } from './input-bounds';
import { normaliseInput } from './input-normalisation';

const common: Options = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false };

function withBoundedFormats(ajv: Ajv) {
  addFormats(ajv);
  // Replace the RFC formats with ones bounded to the dates PostgreSQL and JavaScript both hold.
  ajv.addFormat('date', { type: 'string', validate: isSaneDate });
  ajv.addFormat('date-time', { type: 'string', validate: isSaneDateTime });
  return ajv;
}

type Schema = Record<string, unknown>;

/**
 * Every integer input is a PostgreSQL `integer` unless its schema says otherwise: an integer schema without
 * a maximum (or minimum) gets the int4 bound, so an oversized id is a 400 naming the field, not a 500.
 * Works on a copy: the OpenAPI document keeps the schema as written.
 */
export function boundIntegers(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(boundIntegers);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema as Schema)) out[key] = boundIntegers(value);
  if (out.type === 'integer') {
    if (out.maximum === undefined && out.exclusiveMaximum === undefined) out.maximum = MAX_ID;
    if (out.minimum === undefined && out.exclusiveMinimum === undefined) out.minimum = -MAX_ID - 1;
  }
  return out;
}

/**
 * Input checking for every route. First one normalisation of all strings (server/plugins/input-normalisation.ts),
 * then the schema: bodies are validated exactly as sent (a number is not a string, a string is not an
 * array); query strings and path parameters arrive as text, so there scalars are coerced to the declared
 * types.
 */
export function installValidators(app: FastifyInstance) {
  const exact = withBoundedFormats(new Ajv({ ...common, coerceTypes: false }));
  const coercing = withBoundedFormats(new Ajv({ ...common, coerceTypes: 'array' }));
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? exact : coercing).compile(boundIntegers(schema) as object),
  );
  app.addHook('preValidation', normaliseInput);
}
