// Validation of nodes (devices) as the settings routes take them.
import { z } from 'zod'

/** A node's uid as it sends it in telemetry ('gh-a-node-1'). */
export const deviceUidSchema = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'must be 1 to 64 letters, digits, dots, dashes, colons or underscores')
const nameSchema = z.string().trim().min(1).max(100)
const zoneIdSchema = z.number().int().positive().max(2_147_483_647).nullable()

/** Body of POST /api/tenants/{t}/devices. */
export const newDeviceSchema = z.object({ uid: deviceUidSchema, name: nameSchema, zoneId: zoneIdSchema.optional(), kind: z.string().trim().min(1).max(50).default('sensor-node') })

/** Body of PATCH /api/devices/{d}: uid, name or zone (null: none), at least one. */
export const deviceChangeSchema = z.object({ uid: deviceUidSchema.optional(), name: nameSchema.optional(), zoneId: zoneIdSchema.optional() })
  .refine(body => body.uid !== undefined || body.name !== undefined || body.zoneId !== undefined, 'give uid, name or zoneId')

export type NewDeviceInput = z.infer<typeof newDeviceSchema>
export type DeviceChangeInput = z.infer<typeof deviceChangeSchema>
