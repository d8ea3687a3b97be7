import { describe, expect, it } from 'vitest'
import type { CommandStatus } from '#shared/events'
import type { VehicleCommandPayload } from '#shared/vehicle-commands'
import { commandControls, customCommandBody, vehicleCommandLabel } from '../../../../../app/utils/map/vehicle-commands'
import { mergeCommand } from '../../../../../app/utils/zones/zone-commands'

describe('vehicle commands on the panel', () => {
  it('offers engine buttons to users with the command ability and the free-text field only to admins among them', () => {
    expect(commandControls('admin', ['read', 'command', 'ingest'])).toEqual({ engine: true, custom: true })
    expect(commandControls('operator', ['read', 'command'])).toEqual({ engine: true, custom: false })
    expect(commandControls('viewer', ['read'])).toEqual({ engine: false, custom: false })
    expect(commandControls('admin', ['read'])).toEqual({ engine: false, custom: false })
    expect(commandControls(undefined, [])).toEqual({ engine: false, custom: false })
  })

  it('sends a free-text command trimmed, and names what is wrong with an empty, long or non-ASCII one', () => {
    expect(customCommandBody('  getver ')).toEqual({ body: { kind: 'custom', text: 'getver' } })
    expect(customCommandBody('   ')).toEqual({ problem: 'empty' })
    expect(customCommandBody('x'.repeat(500))).toEqual({ body: { kind: 'custom', text: 'x'.repeat(500) } })
    expect(customCommandBody('x'.repeat(501))).toEqual({ problem: 'too_long' })
    expect(customCommandBody('setparam é')).toEqual({ problem: 'not_ascii' })
  })

  it('labels engine commands by their action and free-text ones by their text', () => {
    expect(vehicleCommandLabel({ kind: 'engine_block', text: 'setdigout 1' })).toEqual({ key: 'vehicles.commands.engine_block.label' })
    expect(vehicleCommandLabel({ kind: 'engine_unblock', text: 'setdigout 0' })).toEqual({ key: 'vehicles.commands.engine_unblock.label' })
    expect(vehicleCommandLabel({ kind: 'custom', text: 'getgps' })).toEqual({ text: 'getgps' })
  })
})

describe('a vehicle command\'s status in the panel list', () => {
  const command = (status: CommandStatus): VehicleCommandPayload => ({
    id: 7, tenantId: 1, vehicleId: 2, kind: 'engine_block', text: 'setdigout 1', status, response: status === 'succeeded' ? 'DOUT1:1' : null, error: null, createdBy: 1, createdAt: '', updatedAt: '',
  })

  it('ends succeeded with the answer when the POST\'s queued answer arrives after the live acknowledged and succeeded', () => {
    let list = [command('sent')]
    for (const status of ['acknowledged', 'succeeded', 'queued'] as const) list = mergeCommand(list, command(status), 10)
    expect(list).toEqual([command('succeeded')])
  })
})
