// What users send to POST /api/zones/{z}/commands and devices to POST /api/ingest/commands/{id}/status.
import { z } from 'zod'
import { MAX_DATABASE_ID } from '../../db/ids'

/** Largest params object, as JSON: commands are instructions, not payload transfers. */
export const MAX_PARAMS_CHARS = 4000

export const sendCommandInput = z.object({
  kind: z.string().trim().min(1).max(64).regex(/^[\w.-]+$/, 'letters, digits, _ . - only'),
  params: z.record(z.string(), z.unknown()).default({})
    .refine(params => fitsAsJson(params, MAX_PARAMS_CHARS), `at most ${MAX_PARAMS_CHARS} characters as JSON`),
  deviceId: z.number().int().min(1).max(MAX_DATABASE_ID).optional(),
})

/** Whether `value` encodes to at most `max` characters; values nested too deep to encode are far longer anyway. */
function fitsAsJson(value: unknown, max: number): boolean {
  try {
    return JSON.stringify(value).length <= max
  }
  catch {
    return false
  }
}

export type SendCommandInput = z.input<typeof sendCommandInput>

export const commandStatusReport = z.object({
  status: z.enum(['acknowledged', 'succeeded', 'failed']),
  detail: z.string().trim().max(500).optional(),
})

export type CommandStatusReport = z.infer<typeof commandStatusReport>

export const pendingCommandsQuery = z.object({
  device: z.string().trim().min(1).max(100),
})
