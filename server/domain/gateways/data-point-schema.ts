// A new data point as an operator enters it: which Modbus register and table, how to decode and scale it, how to show it.
import { z } from 'zod'
import { DEFAULT_POINT_SETTINGS, modbusPointFieldsSchema, pointSettingsProblem } from '../../../shared/modbus'

export const dataPointInputSchema = z.object({
  register: z.number().int().min(0).max(65535),
  function: modbusPointFieldsSchema.shape.function.default(DEFAULT_POINT_SETTINGS.function),
  // Coils and discrete inputs are bits: their type defaults to bool, registers' to uint16.
  dataType: modbusPointFieldsSchema.shape.dataType.optional(),
  wordOrder: modbusPointFieldsSchema.shape.wordOrder.default(DEFAULT_POINT_SETTINGS.wordOrder),
  scale: modbusPointFieldsSchema.shape.scale.default(1),
  offset: modbusPointFieldsSchema.shape.offset.default(0),
  unit: z.string().trim().max(20).default(''),
  label: z.string().trim().min(1).max(100),
  group: z.string().trim().min(1).max(50).default('General'),
}).transform((point, ctx) => {
  const dataType = point.dataType ?? (point.function === 'coil' || point.function === 'discrete' ? 'bool' : DEFAULT_POINT_SETTINGS.dataType)
  const problem = pointSettingsProblem(point.register, { function: point.function, dataType })
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message })
  return { ...point, dataType }
})

export type DataPointInput = z.infer<typeof dataPointInputSchema>
