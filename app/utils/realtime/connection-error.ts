// Why the live connection is down, in the operator's words rather than protocol codes and class names.

export interface PusherErrorEvent {
  type?: string
  error?: { data?: { code?: number, message?: string } }
  data?: { code?: number, message?: string }
}

/** Protocol close and error codes that have words of their own (status.error.code<N> in the locale files). */
const WORDED_CODES = new Set([4001, 4004, 4009, 4100, 4200, 4201, 4301])

/** The message key (status.error.*) saying what went wrong with a pusher-js connection: codes and class names never shown. */
export function connectionErrorKey(error: PusherErrorEvent): string {
  const code = error.error?.data?.code ?? error.data?.code
  if (code !== undefined && WORDED_CODES.has(code)) return `status.error.code${code}`
  if (code !== undefined && code >= 4000 && code < 4100) return 'status.error.refused'
  if (code !== undefined && code >= 4100 && code < 4300) return 'status.error.closed'
  return 'status.error.unreachable'
}
