// Validation of zones as the settings routes take them: name, targets and thresholds per metric.
import { z } from 'zod'

/** A metric name as nodes send it: 'temperature', 'co2', 'water_level'. */
export const metricSchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/i, 'must be a metric name like temperature or water_level')

const finite = z.number().finite()

/** One metric's threshold: bounds, optional critical bounds, delay and deadband. */
export const thresholdSchema = z.object({
  min: finite.optional(),
  max: finite.optional(),
  criticalMin: finite.optional(),
  criticalMax: finite.optional(),
  delaySeconds: z.number().int().min(0).max(86_400).optional(),
  deadband: z.number().finite().min(0).optional(),
}).strict()
  .refine(t => t.min !== undefined || t.max !== undefined || t.criticalMin !== undefined || t.criticalMax !== undefined, 'give at least one of min, max, criticalMin, criticalMax')
  .refine(t => t.min === undefined || t.max === undefined || t.min < t.max, { message: 'must be below max', path: ['min'], params: { code: 'validation.mustBeBelowMax' } })
  .refine(t => t.criticalMin === undefined || t.min === undefined || t.criticalMin <= t.min, { message: 'must not be above min', path: ['criticalMin'], params: { code: 'validation.mustNotBeAboveMin' } })
  .refine(t => t.criticalMax === undefined || t.max === undefined || t.criticalMax >= t.max, { message: 'must not be below max', path: ['criticalMax'], params: { code: 'validation.mustNotBeBelowMax' } })

const targetsSchema = z.record(metricSchema, finite)
const thresholdsSchema = z.record(metricSchema, thresholdSchema)
const nameSchema = z.string().trim().min(1).max(100)

/** Body of POST /api/tenants/{t}/zones. */
export const newZoneSchema = z.object({ name: nameSchema, targets: targetsSchema.default({}), thresholds: thresholdsSchema.default({}) })

/** Body of PATCH /api/zones/{z}: name, targets or thresholds (each map replaced whole), at least one. */
export const zoneChangeSchema = z.object({ name: nameSchema.optional(), targets: targetsSchema.optional(), thresholds: thresholdsSchema.optional() })
  .refine(body => body.name !== undefined || body.targets !== undefined || body.thresholds !== undefined, 'give name, targets or thresholds')

export type NewZoneInput = z.infer<typeof newZoneSchema>
export type ZoneChangeInput = z.infer<typeof zoneChangeSchema>
