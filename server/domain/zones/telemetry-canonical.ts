// The usual telemetry body checked without zod: a batch as devices send it (keys in the schema's order, nothing to
// trim, times in RFC 3339) is vouched for in one typed loop and used as it is, with no copy per sample. Anything
// else (an error, spaces to trim, unknown keys) is left to the schema, which names the wrong field.
import { isIngestTimestamp } from '../timestamps'
import type { TelemetryInput } from './telemetry-schema'
import { MAX_SAMPLES_PER_REQUEST, METRIC_NAME } from './telemetry-schema'

const INPUT_KEYS = ['device', 'samples', 'items']
const ITEM_KEYS = ['device', 'samples']
const SAMPLE_KEYS = ['metric', 'value', 'at']

/**
 * `body` as the schema `telemetryInput` would give it back, or null when this check cannot vouch for it (the
 * schema decides then). Never accepts what the schema refuses, and what it accepts serialises alike.
 */
export function canonicalTelemetry(body: unknown): TelemetryInput | null {
  if (!isPlainObject(body, INPUT_KEYS)) return null
  const now = Date.now()
  const { device, samples, items } = body as Record<string, unknown>
  if (items !== undefined) {
    if (device !== undefined || samples !== undefined || !Array.isArray(items) || items.length === 0 || items.length > MAX_SAMPLES_PER_REQUEST) return null
    let total = 0
    for (const item of items) {
      if (!isPlainObject(item, ITEM_KEYS)) return null
      const count = samplesCount(item, now)
      if (count === 0) return null
      total += count
    }
    return total <= MAX_SAMPLES_PER_REQUEST ? body as TelemetryInput : null
  }
  return samplesCount(body, now) > 0 ? body as TelemetryInput : null
}

/** The number of samples of a canonical `{ device, samples }`, or 0 when it is not one. */
function samplesCount(item: object, now: number): number {
  const { device, samples } = item as Record<string, unknown>
  if (typeof device !== 'string' || device.length === 0 || device.length > 100 || device.trim() !== device) return 0
  if (!Array.isArray(samples) || samples.length === 0 || samples.length > MAX_SAMPLES_PER_REQUEST) return 0
  for (const sample of samples) {
    if (!isPlainObject(sample, SAMPLE_KEYS)) return 0
    const { metric, value, at } = sample as Record<string, unknown>
    if (typeof metric !== 'string' || metric.length > 64 || !METRIC_NAME.test(metric)) return 0
    if (typeof value !== 'number' || !Number.isFinite(value)) return 0
    if (at !== undefined && (typeof at !== 'string' || !isIngestTimestamp(at, now))) return 0
  }
  return samples.length
}

/** True for a plain object whose keys are all in `order`, in that order, none of them undefined: zod's output order. */
function isPlainObject(value: unknown, order: readonly string[]): value is object {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false
  let next = 0
  for (const key in value) {
    const at = order.indexOf(key, next)
    if (at < 0 || (value as Record<string, unknown>)[key] === undefined) return false
    next = at + 1
  }
  return true
}
