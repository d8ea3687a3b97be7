// The recovery metadata (offset, send time) spliced into a payload for the sockets that asked for it
// (Lookout's own pages), without re-serialising it; every other socket gets the payload untouched.
import { RECOVERY_KEY } from '../../shared/realtime-protocol'

/** How a payload string can carry recovery metadata, decided once per published event. */
export type PayloadShape = 'object' | 'empty-object' | 'other'

/**
 * Inspects a payload string once, without changing it: only JSON objects can carry the metadata, and
 * not those that already hold the key themselves (a duplicate key would hide the publisher's value).
 */
export function payloadShape(payload: string): PayloadShape {
  if (!payload.trimStart().startsWith('{')) return 'other'
  let parsed: unknown
  try {
    parsed = JSON.parse(payload)
  }
  catch {
    return 'other'
  }
  const object = parsed as Record<string, unknown>
  if (RECOVERY_KEY in object) return 'other'
  return Object.keys(object).length === 0 ? 'empty-object' : 'object'
}

/**
 * The string a published value is sent as, and its shape: a string as given (inspected once), anything else
 * JSON-encoded once. An encoded plain object's shape is read off the value (JSON.stringify writes it as `{…}`),
 * not by parsing the encoding back, which cost as much again on every large domain broadcast.
 */
export function encodePayload(data: unknown): { raw: string, shape: PayloadShape } {
  if (typeof data === 'string') return { raw: data, shape: payloadShape(data) }
  const raw = JSON.stringify(data ?? null)
  if (!raw.startsWith('{')) return { raw, shape: 'other' }
  // A toJSON may answer another object, and a key of the value may be left out: both are rare, so parse then.
  const value = data as Record<string, unknown>
  if (RECOVERY_KEY in value || typeof value.toJSON === 'function') return { raw, shape: payloadShape(raw) }
  return { raw, shape: raw.length === 2 ? 'empty-object' : 'object' }
}

/** The payload with `{"__lookout":{"offset":N,"sent_at":T}` spliced in as its first key. */
export function withRecoveryMeta(payload: string, shape: PayloadShape, offset: number, sentAt: number): string {
  if (shape === 'other') return payload
  const head = `{"${RECOVERY_KEY}":{"offset":${offset},"sent_at":${sentAt}}`
  if (shape === 'empty-object') return `${head}}`
  return `${head},${payload.slice(payload.indexOf('{') + 1)}`
}
