// What a device may send to POST /api/ingest/telemetry: one node's samples, or a batch of nodes' samples.
import { z } from 'zod'
import { ingestTimestamp } from '../timestamps'

/** Most samples one request may carry, over all of its items. */
export const MAX_SAMPLES_PER_REQUEST = 1000

/** What a metric name may be made of. */
export const METRIC_NAME = /^[\w.-]+$/

export const telemetrySample = z.object({
  metric: z.string().trim().min(1).max(64).regex(METRIC_NAME, 'letters, digits, _ . - only'),
  value: z.number(),
  at: ingestTimestamp.optional(),
})

export const telemetryItem = z.object({
  device: z.string().trim().min(1).max(100),
  samples: z.array(telemetrySample).min(1).max(MAX_SAMPLES_PER_REQUEST),
})

/**
 * `{ device, samples }` or `{ items: [{ device, samples }] }`: one object schema rather than a union,
 * so an error names the wrong field (`samples.3.value`, `items.0.device`) instead of "invalid input".
 */
export const telemetryInput = z.object({
  device: telemetryItem.shape.device.optional(),
  samples: telemetryItem.shape.samples.optional(),
  items: z.array(telemetryItem).min(1).max(MAX_SAMPLES_PER_REQUEST).optional(),
}).superRefine((input, check) => {
  if (input.items) {
    if (input.device !== undefined || input.samples !== undefined) check.addIssue({ code: 'custom', path: ['items'], message: 'send either items or device and samples, not both' })
    const total = input.items.reduce((sum, item) => sum + item.samples.length, 0)
    if (total > MAX_SAMPLES_PER_REQUEST) check.addIssue({ code: 'custom', path: ['items'], message: `at most ${MAX_SAMPLES_PER_REQUEST} samples per request, got ${total}` })
    return
  }
  if (input.device === undefined) check.addIssue({ code: 'custom', path: ['device'], message: 'required (or send items)' })
  if (input.samples === undefined) check.addIssue({ code: 'custom', path: ['samples'], message: 'required (or send items)' })
})

export type TelemetryInput = z.infer<typeof telemetryInput>

/** The items of either form, each with the path its device uid was sent at (for error messages). */
export function telemetryItems(input: TelemetryInput): Array<z.infer<typeof telemetryItem> & { path: string }> {
  if (input.items) return input.items.map((item, index) => ({ ...item, path: `items.${index}.device` }))
  return [{ device: input.device!, samples: input.samples!, path: 'device' }]
}
