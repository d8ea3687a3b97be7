import { afterEach, describe, expect, it } from 'vitest'
import { ConcurrencyGate } from '../../../../../server/devices/modbus/concurrency-gate'
import { soleLease } from '../../../../../server/devices/modbus/gateway-lease'
import { parseHostAllowList } from '../../../../../server/devices/modbus/host-allow-list'
import { ModbusPoller } from '../../../../../server/devices/modbus/modbus-poller'
import type { ModbusGatewayPlan } from '../../../../../server/domain/gateways/modbus-gateways'
import type { PollReport } from '../../../../../server/domain/gateways/record-poll'
import type { ModbusDevice } from '../../../../support/modbus-device'
import { startModbusDevice } from '../../../../support/modbus-device'
import { closedPort, until } from '../../../../support/modbus-gateways'

let device: ModbusDevice | null = null
let poller: ModbusPoller | null = null

afterEach(async () => {
  poller?.stop()
  await device?.close()
})

function plan(port: number): ModbusGatewayPlan {
  return {
    id: 1, tenantId: 1, connection: { protocol: 'modbus-tcp', host: '127.0.0.1', port, unitId: 1, pollIntervalMs: 50, timeoutMs: 2000 },
    points: [{ id: 10, register: 0, label: 'A', function: 'holding', dataType: 'uint16', wordOrder: 'big', scale: 1, offset: 0, key: 'k' }],
  }
}

describe('ModbusPoller', () => {
  it('hands a gateway\'s changed connection to its poller at the next refresh, which polls it without the old backoff', async () => {
    device = await startModbusDevice({ 0: 9 })
    // What the database holds: a gateway pointed at a port nobody listens on.
    let stored = plan(await closedPort())
    const reports: PollReport[] = []
    poller = new ModbusPoller({
      listGateways: async () => [{ id: stored.id, connection: stored.connection }],
      refreshMs: 50,
      loadPlan: async () => stored,
      record: async (report) => { reports.push(report); return true },
      allowList: parseHostAllowList(undefined), gate: new ConcurrencyGate(4), lease: soleLease, log: () => {},
      // One refused connection earns a wait of 30 to 60 s: far beyond the bound below.
      backoff: { baseMs: 60_000, maxMs: 60_000 },
    })
    poller.start()
    await until(() => reports.length >= 1, 'the refused poll')
    expect(reports[0]!.error?.kind).toBe('connection-refused')

    stored = plan(device.port)
    await until(() => reports.some(report => report.points[0]!.value === 9), 'a poll of the corrected address', 3_000)
    expect(poller.size).toBe(1)
  })
})
