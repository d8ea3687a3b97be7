// A new data point as an operator enters it: which Modbus register, how to scale it, how to show it.
import { z } from 'zod'

export const dataPointInputSchema = z.object({
  register: z.number().int().min(0).max(65535),
  scale: z.number().refine(scale => scale !== 0, 'must not be zero').default(1),
  unit: z.string().trim().max(20).default(''),
  label: z.string().trim().min(1).max(100),
  group: z.string().trim().min(1).max(50).default('General'),
})

export type DataPointInput = z.infer<typeof dataPointInputSchema>
