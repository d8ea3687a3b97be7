// Parsing client frames and building server frames of the Pusher protocol.

/** A frame from a client, after parsing. `data` is an object for pusher-js, a string for others. */
export interface ClientFrame {
  event: string
  channel?: string
  data: unknown
}

export type ParseResult = { ok: true, frame: ClientFrame } | { ok: false, error: string }

/** Parses one text frame; never throws. */
export function parseClientFrame(text: string): ParseResult {
  let value: unknown
  try {
    value = JSON.parse(text)
  }
  catch {
    return { ok: false, error: 'Invalid JSON' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'A frame must be a JSON object' }
  }
  const { event, channel, data } = value as Record<string, unknown>
  if (typeof event !== 'string' || event.length === 0) return { ok: false, error: 'Missing "event"' }
  if (channel !== undefined && typeof channel !== 'string') return { ok: false, error: '"channel" must be a string' }
  return { ok: true, frame: { event, channel, data: decodeData(data) } }
}

/** pusher-js sends objects; other clients send JSON strings. Both become objects where possible. */
function decodeData(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data)
  }
  catch {
    return data
  }
}

/** Serialises a server frame; `data` is always sent as a JSON string, as the protocol requires. */
export function serverFrame(event: string, data: unknown, channel?: string, extra?: Record<string, string>): string {
  const encoded = typeof data === 'string' ? data : JSON.stringify(data ?? null)
  return JSON.stringify(channel === undefined ? { event, data: encoded, ...extra } : { event, channel, data: encoded, ...extra })
}

/** `pusher:error` frame with a protocol code (or null for errors without one). */
export function errorFrame(code: number | null, message: string): string {
  return serverFrame('pusher:error', { code, message })
}
