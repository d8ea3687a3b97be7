// What a gateway sends to the readings ingest: register values of one gateway, validated at the edge.
import { z } from 'zod'
import { MODBUS_FUNCTIONS } from '../../../shared/modbus'
import { ingestTimestamp } from '../timestamps'

/** Most readings one request may carry. */
export const MAX_READINGS_PER_REQUEST = 1000

/** A gateway as devices name it: its serial. */
export const gatewaySerialSchema = z.string().trim().min(1).max(100)

/** How much a reading can be trusted, as the gateway reports it (default: good). */
export const qualitySchema = z.enum(['good', 'uncertain', 'bad'])

/**
 * One register value: `raw` (scaled by the data point) or an already scaled `value`, never both. `function` is
 * needed only when the gateway has data points of one register in two tables (coil 0 and holding register 0).
 */
export const readingInputSchema = z.object({
  register: z.number().int().min(0).max(65535),
  function: z.enum(MODBUS_FUNCTIONS).optional(),
  raw: z.number().optional(),
  value: z.number().optional(),
  quality: qualitySchema.optional(),
  at: ingestTimestamp.optional(),
}).superRefine((reading, ctx) => {
  if (reading.raw === undefined && reading.value === undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: 'raw or value is required' })
  if (reading.raw !== undefined && reading.value !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: 'give raw or value, not both' })
})

/** The body of `POST /api/ingest/readings`. */
export const readingsIngestSchema = z.object({
  gateway: gatewaySerialSchema,
  readings: z.array(readingInputSchema).min(1).max(MAX_READINGS_PER_REQUEST),
})

export type ReadingInput = z.infer<typeof readingInputSchema>
export type ReadingsIngestInput = z.infer<typeof readingsIngestSchema>

/** The heartbeat ingest: a gateway saying it is alive, nothing else. */
export const heartbeatIngestSchema = z.object({ gateway: gatewaySerialSchema })

export type HeartbeatIngestInput = z.infer<typeof heartbeatIngestSchema>
