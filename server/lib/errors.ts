/** A failure the caller can act on. One error handler maps these to HTTP; `code` is stable for clients. */
export class DomainError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    /** English and Chinese text: the handler answers in the request's language. */
    readonly text: { en: string; zh: string },
    readonly field?: string,
  ) {
    super(text.en);
  }
}

export const notFound = (what: string, zh: string) =>
  new DomainError(404, 'not_found', { en: `${what} not found`, zh: `未找到${zh}` });

export const invalidField = (field: string, en: string, zh: string) =>
  new DomainError(400, 'invalid_field', { en: `${field}: ${en}`, zh: `${field}：${zh}` }, field);

export const unprocessable = (code: string, en: string, zh: string, field?: string) =>
  new DomainError(422, code, { en, zh }, field);

export const conflict = (code: string, en: string, zh: string, field?: string) =>
  new DomainError(409, code, { en, zh }, field);
