/** Thin fetch wrapper for the platform API (same origin, under /api/v1). */
export const API_BASE = '/api/v1';

export type QueryValue = string | number | boolean | null | undefined;

/** An error answered by the API: `{ statusCode, code, message }`, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export function buildUrl(path: string, params?: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === null || value === undefined || value === '') continue;
    search.set(key, String(value));
  }
  const qs = search.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function isErrorBody(body: unknown): body is { code?: unknown; message?: unknown } {
  return typeof body === 'object' && body !== null;
}

export async function apiGet<T>(
  path: string,
  params?: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, params), {
      signal,
      headers: { Accept: 'application/json', 'Accept-Language': document.documentElement.lang || 'zh-CN' },
      credentials: 'same-origin',
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', err instanceof Error ? err.message : String(err));
  }
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!response.ok) {
    const code = isErrorBody(body) && typeof body.code === 'string' ? body.code : `HTTP_${response.status}`;
    const message =
      isErrorBody(body) && typeof body.message === 'string' ? body.message : response.statusText || text;
    throw new ApiError(response.status, code, message);
  }
  return body as T;
}
