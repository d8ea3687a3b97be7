// Decoding an MQTT payload: JSON text (an empty payload is an empty object), or a refusal naming `payload`.

/** A message that cannot be stored: the field that is wrong and why (what the log and the counters get). */
export interface Refusal {
  field: string
  message: string
}

export type Decoded<T> = { ok: true, value: T } | { ok: false, refusal: Refusal }

/** The payload as JSON; an empty payload is `{}` (a heartbeat needs no body). */
export function decodeJson(payload: Uint8Array): Decoded<unknown> {
  if (payload.length === 0) return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8')) }
  }
  catch {
    return refuse('payload', 'not valid JSON')
  }
}

/** A refusal result. */
export function refuse(field: string, message: string): { ok: false, refusal: Refusal } {
  return { ok: false, refusal: { field, message } }
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
