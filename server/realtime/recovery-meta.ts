// Adds the recovery metadata (offset, send time) to an event payload without re-serialising it.
import { RECOVERY_KEY } from '../../shared/realtime-protocol'

/** How a payload string can carry recovery metadata, decided once per published event. */
export type PayloadShape = 'object' | 'empty-object' | 'other'

/** Inspects a payload string once; only JSON objects can carry the metadata. */
export function payloadShape(payload: string): { shape: PayloadShape, payload: string } {
  if (!payload.trimStart().startsWith('{')) return { shape: 'other', payload }
  let parsed: unknown
  try {
    parsed = JSON.parse(payload)
  }
  catch {
    return { shape: 'other', payload }
  }
  const object = parsed as Record<string, unknown>
  if (RECOVERY_KEY in object) {
    // Republished events (from another node, or a client) must not carry a stale offset.
    Reflect.deleteProperty(object, RECOVERY_KEY)
    try {
      payload = JSON.stringify(object)
    }
    catch {
      // Too deeply nested to re-encode: sent as it came, without metadata, rather than failing the publish.
      return { shape: 'other', payload }
    }
  }
  return { shape: Object.keys(object).length === 0 ? 'empty-object' : 'object', payload }
}

/** The payload with `{"__lookout":{"offset":N,"sent_at":T}` spliced in as its first key. */
export function withRecoveryMeta(payload: string, shape: PayloadShape, offset: number, sentAt: number): string {
  if (shape === 'other') return payload
  const head = `{"${RECOVERY_KEY}":{"offset":${offset},"sent_at":${sentAt}}`
  if (shape === 'empty-object') return `${head}}`
  return `${head},${payload.slice(payload.indexOf('{') + 1)}`
}
