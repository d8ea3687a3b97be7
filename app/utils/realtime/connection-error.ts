// Why the live connection is down, in the operator's words rather than protocol codes and class names.

export interface PusherErrorEvent {
  type?: string
  error?: { data?: { code?: number, message?: string } }
  data?: { code?: number, message?: string }
}

/** Plain words for the Pusher protocol's close and error codes. */
const BY_CODE: Record<number, string> = {
  4001: 'This server does not know the dashboard\'s app key',
  4004: 'The server\'s connection limit is reached',
  4009: 'Not allowed to connect: sign in again',
  4100: 'The server is busy',
  4200: 'Server restarting',
  4201: 'The connection stopped answering',
  4301: 'Too many messages sent',
}

/** What to tell the operator about a pusher-js connection error (codes and error class names never shown). */
export function connectionErrorText(error: PusherErrorEvent): string {
  const code = error.error?.data?.code ?? error.data?.code
  if (code !== undefined && BY_CODE[code]) return BY_CODE[code]
  if (code !== undefined && code >= 4000 && code < 4100) return 'The server refused the connection'
  if (code !== undefined && code >= 4100 && code < 4300) return 'The server closed the connection'
  return 'The live connection cannot be opened'
}
