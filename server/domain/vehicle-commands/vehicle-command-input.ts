// What users send to POST /api/vehicles/{v}/commands, and the tracker text each kind becomes.
import { z } from 'zod'
import { VEHICLE_COMMAND_KINDS } from '../../../shared/vehicle-commands'
import type { VehicleCommandKind } from '../../../shared/vehicle-commands'

/** Teltonika's digital output 1 drives the engine-block relay: on blocks, off releases. */
const FIXED_TEXT: Record<Exclude<VehicleCommandKind, 'custom'>, string> = {
  engine_block: 'setdigout 1',
  engine_unblock: 'setdigout 0',
}

export const vehicleCommandInput = z.object({
  kind: z.enum(VEHICLE_COMMAND_KINDS),
  /** Only for `custom`: printable ASCII, as trackers read it. */
  text: z.string().trim().min(1).max(500).regex(/^[\x20-\x7E]+$/, 'printable ASCII only').optional(),
}).refine(input => (input.kind === 'custom') === (input.text !== undefined), { path: ['text'], message: 'is required for custom commands and only for them' })

export type VehicleCommandInput = z.infer<typeof vehicleCommandInput>

/** The text the tracker receives for a validated input. */
export function trackerText(input: VehicleCommandInput): string {
  return input.kind === 'custom' ? input.text! : FIXED_TEXT[input.kind]
}
