import type { MessageKey } from '../../i18n';
import type { ApiError } from '../../lib/api-client';
import type { Shape } from './api/queries';
import type { FormField } from './description';

export type Values = Record<string, unknown>;
type Fields = readonly FormField<string>[];

const blank = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** Where a form starts: a record's values (edit), or the parent and area the list was showing (create). */
export function initialValues(
  fields: Fields,
  record: Shape | undefined,
  context: URLSearchParams,
  area: string | null,
) {
  const values: Values = {};
  for (const field of fields) {
    if (record) {
      const source = field.from === undefined ? field.key : field.from;
      if (!field.personal && source !== null) values[field.key] = record[source] ?? undefined;
    } else if (field.input === 'area') {
      values[field.key] = area ?? undefined;
    } else if (field.input === 'reference' && context.get(field.key)) {
      values[field.key] = Number(context.get(field.key));
    } else if (field.input === 'flag') {
      values[field.key] = false;
    }
  }
  return values;
}

/**
 * The request body: on create every field given; on edit only what changed (a cleared field becomes null),
 * personal fields only when typed in again, and the version read, so a concurrent change answers 409.
 */
export function requestBody(fields: Fields, values: Values, initial: Values, record: Shape | undefined) {
  const body: Values = {};
  for (const field of fields) {
    const value = values[field.key];
    if (!record) {
      if (!blank(value)) body[field.key] = value;
    } else if (field.personal) {
      if (!blank(value)) body[field.key] = value;
    } else if (JSON.stringify(value ?? null) !== JSON.stringify(initial[field.key] ?? null)) {
      body[field.key] = blank(value) && !Array.isArray(value) ? null : value;
    }
  }
  if (record && Object.keys(body).length > 0) body.version = record.version;
  return body;
}

/** `floor_area` (a database column a refusal names) → `floorArea` (the body field). */
const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The form field a refusal names and the message to show beside it. The server names a field as a body path
 * (`tags.0`, `conditions.2`: the field is the first step), a column (`floor_area`) or a unique key's field (409
 * `duplicate`, whose text names the field in code: said here with the field's label instead). The message loses
 * its "body 字段 x：" / "x:" preamble, since it stands beside the field it names.
 */
export function fieldError(
  fields: Fields,
  error: ApiError,
  duplicate: (label: MessageKey) => string,
): { key: string; message: string } | null {
  const step = error.field?.split('.')[0];
  const field = step ? fields.find((f) => f.key === step || f.key === camel(step)) : undefined;
  if (!field) return null;
  if (error.status === 409 && error.code === 'duplicate')
    return { key: field.key, message: duplicate(field.label) };
  const preamble = error.message.match(/^[^：:]*[：:]\s*/)?.[0] ?? '';
  const named = step !== undefined && preamble.includes(step);
  return { key: field.key, message: named ? error.message.slice(preamble.length) : error.message };
}
