// Validation of gateways and data point changes as the settings routes take them.
import { z } from 'zod'

const serialSchema = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'must be 1 to 64 letters, digits, dots, dashes, colons or underscores')
const nameSchema = z.string().trim().min(1).max(100)
/** How long without contact before the gateway counts as offline. */
const offlineAfterSchema = z.number().int().min(10).max(86_400)

/** Body of POST /api/tenants/{t}/gateways. */
export const newGatewaySchema = z.object({ name: nameSchema, serial: serialSchema, offlineAfterSeconds: offlineAfterSchema.default(60) })

/** Body of PATCH /api/gateways/{g}: name, serial or offlineAfterSeconds, at least one. */
export const gatewayChangeSchema = z.object({ name: nameSchema.optional(), serial: serialSchema.optional(), offlineAfterSeconds: offlineAfterSchema.optional() })
  .refine(body => body.name !== undefined || body.serial !== undefined || body.offlineAfterSeconds !== undefined, 'give name, serial or offlineAfterSeconds')

/** Body of PATCH /api/data-points/{id}: any field of a new data point, at least one. */
export const dataPointChangeSchema = z.object({
  register: z.number().int().min(0).max(65535).optional(),
  scale: z.number().finite().refine(scale => scale !== 0, 'must not be zero').optional(),
  unit: z.string().trim().max(20).optional(),
  label: z.string().trim().min(1).max(100).optional(),
  group: z.string().trim().min(1).max(50).optional(),
}).refine(body => Object.values(body).some(value => value !== undefined), 'give register, scale, unit, label or group')

export type NewGatewayInput = z.infer<typeof newGatewaySchema>
export type GatewayChangeInput = z.infer<typeof gatewayChangeSchema>
export type DataPointChangeInput = z.infer<typeof dataPointChangeSchema>
