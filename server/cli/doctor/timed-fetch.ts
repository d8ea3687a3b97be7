// fetch with a deadline, so an unresponsive server or proxy fails a check instead of hanging the doctor.

/** How long one HTTP request of the doctor may take. */
export const REQUEST_TIMEOUT_MS = 5_000

/** `fetch` that rejects after REQUEST_TIMEOUT_MS. */
export function timedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
}
