// The telemetry payload forms a node may publish on `lookout/nodes/{uid}/telemetry`, turned into the body
// of the HTTP telemetry ingest: the HTTP body itself (`{"samples": [...]}`), ThingsBoard's flat
// `{"ph": 6.1}` and timestamped `{"ts": <ms>, "values": {...}}` (or a list of those).
import type { Decoded } from './message-body'
import { isObject, refuse } from './message-body'

interface Sample {
  metric: string
  value: unknown
  at?: string
}

/** The telemetry ingest body for node `uid` carried by `body`; the topic names the node. */
export function telemetryBody(uid: string, body: unknown): Decoded<{ device: string, samples: unknown }> {
  if (Array.isArray(body)) return timestampedList(uid, body, true)
  if (!isObject(body)) return refuse('payload', 'a JSON object or a list of {"ts", "values"} objects')
  if ('samples' in body) {
    if (body.device !== undefined && body.device !== uid) return refuse('device', `must be the topic's node "${uid}" or left out`)
    return { ok: true, value: { device: uid, samples: body.samples } }
  }
  if ('values' in body) return timestampedList(uid, [body], false)
  const samples = Object.entries(body).map(([metric, value]) => ({ metric, value }))
  if (samples.length === 0) return refuse('payload', 'no values')
  const wrong = samples.find(sample => typeof sample.value !== 'number')
  if (wrong) return refuse(wrong.metric, 'must be a number')
  return { ok: true, value: { device: uid, samples } }
}

/** ThingsBoard's `[{"ts": <ms>, "values": {...}}, ...]`. */
function timestampedList(uid: string, entries: unknown[], listed: boolean): Decoded<{ device: string, samples: Sample[] }> {
  const samples: Sample[] = []
  for (const [index, entry] of entries.entries()) {
    const path = listed ? `${index}.` : ''
    if (!isObject(entry) || !isObject(entry.values)) return refuse(`${path}values`, 'must be an object of metric: number')
    let at: string | undefined
    if (entry.ts !== undefined) {
      const date = typeof entry.ts === 'number' ? new Date(entry.ts) : null
      if (!date || Number.isNaN(date.getTime())) return refuse(`${path}ts`, 'must be a time in milliseconds since 1970')
      at = date.toISOString()
    }
    for (const [metric, value] of Object.entries(entry.values)) {
      if (typeof value !== 'number') return refuse(`${path}values.${metric}`, 'must be a number')
      samples.push({ metric, value, ...(at ? { at } : {}) })
    }
  }
  if (samples.length === 0) return refuse('values', 'no values')
  return { ok: true, value: { device: uid, samples } }
}
