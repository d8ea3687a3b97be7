// Validation of vehicles as the settings routes take them.
import { z } from 'zod'

const nameSchema = z.string().trim().min(1).max(100)
const plateSchema = z.string().trim().min(1).max(20)
/** A tracker's IMEI: 15 digits, the only thing a Teltonika handshake says about the vehicle. */
const imeiSchema = z.string().trim().regex(/^\d{15}$/, 'must be the 15 digits of the tracker\'s IMEI').nullable()
/** km/h above which a vehicle is speeding. */
const speedLimitSchema = z.number().finite().min(1).max(400)

/** Body of POST /api/tenants/{t}/vehicles. */
export const newVehicleSchema = z.object({ name: nameSchema, plate: plateSchema, imei: imeiSchema.optional(), speedLimit: speedLimitSchema.default(90) })

/** Body of PATCH /api/vehicles/{v}: name, plate, imei (null: none) or speedLimit, at least one. */
export const vehicleChangeSchema = z.object({ name: nameSchema.optional(), plate: plateSchema.optional(), imei: imeiSchema.optional(), speedLimit: speedLimitSchema.optional() })
  .refine(body => Object.values(body).some(value => value !== undefined), 'give name, plate, imei or speedLimit')

export type NewVehicleInput = z.infer<typeof newVehicleSchema>
export type VehicleChangeInput = z.infer<typeof vehicleChangeSchema>
