/**
 * Requests the boot script (main.tsx) starts before the app's code has arrived, so their answers travel while the
 * scripts do; the API client takes each one once, by URL, instead of asking again. Only for GETs that need no
 * headers beyond the cookie (who is signed in).
 */
const pending = new Map<string, Promise<Response | undefined>>();

export function requestEarly(url: string): void {
  pending.set(
    url,
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).catch(
      () => undefined,
    ),
  );
}

/** The early answer for this URL, if one was started and not taken yet (a failed one answers undefined). */
export function takeEarly(url: string): Promise<Response | undefined> | undefined {
  const response = pending.get(url);
  pending.delete(url);
  return response;
}
