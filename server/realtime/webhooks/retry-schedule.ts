// When a failed delivery is tried again, and when Lookout gives up on it.

/** Retries go on for an hour after the event (the issue asks for at least 5 minutes). */
export const RETRY_WINDOW_MS = 60 * 60_000

const FIRST_RETRY_MS = 1_000
const LONGEST_WAIT_MS = 60_000

/** Milliseconds to wait after the `attempts`-th failed attempt: 1 s, 2 s, 4 s … at most a minute. */
export function retryDelay(attempts: number): number {
  return Math.min(LONGEST_WAIT_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1))
}

/** True when a delivery created at `createdAt` has been retried long enough. */
export function retriesExhausted(createdAt: number, now: number): boolean {
  return now - createdAt >= RETRY_WINDOW_MS
}
