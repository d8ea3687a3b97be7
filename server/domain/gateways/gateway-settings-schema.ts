// Validation of gateways and data point changes as the settings routes take them.
import { z } from 'zod'
import { gatewayConnectionSchema, modbusPointFieldsSchema, PUSH_CONNECTION } from '../../../shared/modbus'

const serialSchema = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'must be 1 to 64 letters, digits, dots, dashes, colons or underscores')
const nameSchema = z.string().trim().min(1).max(100)
/** How long without contact before the gateway counts as offline. */
const offlineAfterSchema = z.number().int().min(10).max(86_400)

/** Body of POST /api/tenants/{t}/gateways. */
export const newGatewaySchema = z.object({
  name: nameSchema, serial: serialSchema, offlineAfterSeconds: offlineAfterSchema.default(60), connection: gatewayConnectionSchema.default(PUSH_CONNECTION),
})

/** Body of PATCH /api/gateways/{g}: name, serial, offlineAfterSeconds or connection, at least one. */
export const gatewayChangeSchema = z.object({
  name: nameSchema.optional(), serial: serialSchema.optional(), offlineAfterSeconds: offlineAfterSchema.optional(), connection: gatewayConnectionSchema.optional(),
}).refine(body => Object.values(body).some(value => value !== undefined), 'give name, serial, offlineAfterSeconds or connection')

/** Body of PATCH /api/data-points/{id}: any field of a new data point, at least one. */
export const dataPointChangeSchema = z.object({
  register: z.number().int().min(0).max(65535).optional(),
  function: modbusPointFieldsSchema.shape.function.optional(),
  dataType: modbusPointFieldsSchema.shape.dataType.optional(),
  wordOrder: modbusPointFieldsSchema.shape.wordOrder.optional(),
  scale: modbusPointFieldsSchema.shape.scale.optional(),
  offset: modbusPointFieldsSchema.shape.offset.optional(),
  unit: z.string().trim().max(20).optional(),
  label: z.string().trim().min(1).max(100).optional(),
  group: z.string().trim().min(1).max(50).optional(),
}).refine(body => Object.values(body).some(value => value !== undefined), 'give register, function, dataType, wordOrder, scale, offset, unit, label or group')

export type NewGatewayInput = z.infer<typeof newGatewaySchema>
export type GatewayChangeInput = z.infer<typeof gatewayChangeSchema>
export type DataPointChangeInput = z.infer<typeof dataPointChangeSchema>
