/** Thin fetch wrapper for the platform API (same origin, under /api/v1). */
import { takeEarly } from './early-requests';

export const API_BASE = '/api/v1';

export type QueryValue = string | number | boolean | null | undefined;

/**
 * An error answered by the API: `{ statusCode, code, message, field? }`, or a network failure (status 0).
 * `field` names the input at fault (a form shows the message beside it).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
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

function isErrorBody(body: unknown): body is { code?: unknown; message?: unknown; field?: unknown } {
  return typeof body === 'object' && body !== null;
}

let csrfToken: string | null = null;

// Remembered across reloads of the tab, so that a 401 after a signed-in visit reads "session expired" and not
// "please sign in"; cleared on sign-out (setCsrfToken(null)).
const SIGNED_IN_KEY = 'grid.signedIn';
let sessionExpired = false;

function rememberSignedIn(on: boolean): void {
  try {
    if (on) window.sessionStorage.setItem(SIGNED_IN_KEY, '1');
    else window.sessionStorage.removeItem(SIGNED_IN_KEY);
  } catch {
    // storage unavailable: an expired session then reads as a plain sign-in
  }
}

function wasSignedIn(): boolean {
  try {
    return window.sessionStorage.getItem(SIGNED_IN_KEY) === '1';
  } catch {
    return false;
  }
}

/** The session's CSRF token (from login or /auth/me), sent on every state-changing request; null signs out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
  rememberSignedIn(token !== null);
  if (token !== null) sessionExpired = false;
}

/** Whether the last 401 ended a session this tab had (the sign-in screen then says so). */
export const isSessionExpired = (): boolean => sessionExpired;

async function request<T>(
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  body: unknown,
  signal: AbortSignal | undefined,
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': document.documentElement.lang || 'zh-CN',
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    const early = method === 'GET' ? takeEarly(url) : undefined;
    response =
      (early && (await early)) ||
      (await fetch(url, {
        method,
        signal,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      }));
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', err instanceof Error ? err.message : String(err));
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    const code =
      isErrorBody(parsed) && typeof parsed.code === 'string' ? parsed.code : `HTTP_${response.status}`;
    const message =
      isErrorBody(parsed) && typeof parsed.message === 'string'
        ? parsed.message
        : response.statusText || text;
    const field = isErrorBody(parsed) && typeof parsed.field === 'string' ? parsed.field : undefined;
    if (response.status === 401 && wasSignedIn()) {
      sessionExpired = true;
      rememberSignedIn(false);
    }
    throw new ApiError(response.status, code, message, field);
  }
  return parsed as T;
}

export function apiGet<T>(
  path: string,
  params?: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<T> {
  return request<T>('GET', buildUrl(path, params), undefined, signal);
}

export function apiPost<T>(path: string, body?: unknown): Promise<T> {
  return request<T>('POST', buildUrl(path), body ?? {}, undefined);
}

export function apiPatch<T>(path: string, body: unknown): Promise<T> {
  return request<T>('PATCH', buildUrl(path), body, undefined);
}

export const isUnauthenticated = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 401;
