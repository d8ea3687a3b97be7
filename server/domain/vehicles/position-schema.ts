// Validation of position ingest bodies: one position or a batch of up to 1000, finite numbers in range.
import { z } from 'zod'
import { ingestTimestamp } from '../timestamps'
import { MAX_DATABASE_ID } from '../../db/ids'

/** Most positions one request may carry. */
export const MAX_POSITIONS_PER_REQUEST = 1000

const sensorsSchema = z.object({
  fuel: z.number().min(0).max(100_000).optional(),
  temperature: z.number().min(-100).max(200).optional(),
  ignition: z.boolean().optional(),
  doors: z.boolean().optional(),
  movement: z.boolean().optional(),
  externalVoltage: z.number().min(0).max(1000).optional(),
  batteryVoltage: z.number().min(0).max(1000).optional(),
  odometerKm: z.number().min(0).max(100_000_000).optional(),
  gnss: z.enum(['off', 'fix', 'no_fix', 'sleep']).optional(),
  hdop: z.number().min(0).max(1000).optional(),
})

/** Most raw IO values one position may carry (a Codec 8 Extended record can hold a few hundred). */
export const MAX_RAW_IO_VALUES = 512

const rawIoSchema = z.record(z.string().regex(/^\d{1,5}$/, 'IO ids are numbers'), z.union([z.number(), z.string().max(2048)]))
  .refine(io => Object.keys(io).length <= MAX_RAW_IO_VALUES, `at most ${MAX_RAW_IO_VALUES} values`)

/** One GPS fix of a vehicle (speed in km/h, course in degrees, `at` defaults to the time of arrival). */
export const positionInputSchema = z.object({
  vehicleId: z.number().int().min(1).max(MAX_DATABASE_ID),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  speed: z.number().min(0).max(1000).optional(),
  course: z.number().min(0).max(360).optional(),
  altitude: z.number().min(-1000).max(20_000).optional(),
  satellites: z.number().int().min(0).max(255).optional(),
  at: ingestTimestamp.optional(),
  sensors: sensorsSchema.optional(),
  /** IO values of the device kept as they came, for what Lookout does not interpret. */
  io: rawIoSchema.optional(),
})

const batchSchema = z.object({ positions: z.array(positionInputSchema).min(1).max(MAX_POSITIONS_PER_REQUEST) })

export type PositionInput = z.infer<typeof positionInputSchema>
export type PositionsIngestInput = PositionInput | z.infer<typeof batchSchema>

/**
 * Body of POST /api/ingest/positions. A plain union would report a failed batch as "invalid input" at
 * the root; choosing the shape by the `positions` key keeps errors naming the field (`positions.3.lat`).
 */
export const positionsIngestSchema = z.unknown().transform((body, ctx): PositionsIngestInput => {
  const schema = typeof body === 'object' && body !== null && 'positions' in body ? batchSchema : positionInputSchema
  const result = schema.safeParse(body)
  if (result.success) return result.data
  for (const issue of result.error.issues) ctx.addIssue({ ...issue })
  return z.NEVER
})
