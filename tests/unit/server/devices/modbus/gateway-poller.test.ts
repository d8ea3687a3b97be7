import { afterEach, describe, expect, it } from 'vitest'
import { ConcurrencyGate } from '../../../../../server/devices/modbus/concurrency-gate'
import { soleLease } from '../../../../../server/devices/modbus/gateway-lease'
import type { GatewayLease } from '../../../../../server/devices/modbus/gateway-lease'
import { GatewayPoller } from '../../../../../server/devices/modbus/gateway-poller'
import { parseHostAllowList } from '../../../../../server/devices/modbus/host-allow-list'
import type { BackoffSettings } from '../../../../../server/devices/modbus/reconnect-backoff'
import type { ModbusGatewayPlan } from '../../../../../server/domain/gateways/modbus-gateways'
import type { PollReport } from '../../../../../server/domain/gateways/record-poll'
import type { ModbusDevice } from '../../../../support/modbus-device'
import { startModbusDevice } from '../../../../support/modbus-device'
import { closedPort, until } from '../../../../support/modbus-gateways'

let device: ModbusDevice | null = null
let poller: GatewayPoller | null = null

afterEach(async () => {
  poller?.stop()
  await device?.close()
})

function plan(port: number, intervalMs: number): ModbusGatewayPlan {
  return {
    id: 1, tenantId: 1, connection: { protocol: 'modbus-tcp', host: '127.0.0.1', port, unitId: 1, pollIntervalMs: intervalMs, timeoutMs: 2000 },
    points: [{ id: 10, register: 0, label: 'A', function: 'holding', dataType: 'uint16', wordOrder: 'big', scale: 1, offset: 0, key: 'k' }],
  }
}

function start(lease: GatewayLease, intervalMs: number, record: (report: PollReport) => Promise<boolean>): GatewayPoller {
  const current = plan(device!.port, intervalMs)
  poller = new GatewayPoller(1, current.connection, {
    loadPlan: async () => current, record, allowList: parseHostAllowList(undefined), gate: new ConcurrencyGate(4), lease, log: () => {},
  })
  poller.start()
  return poller
}

describe('GatewayPoller', () => {
  it('never has two polls of its gateway in flight, even when a poll takes longer than the interval', async () => {
    device = await startModbusDevice({ 0: 5 })
    device.delayMs = 150
    let inFlight = 0
    let most = 0
    const reports: PollReport[] = []
    start(soleLease, 50, async (report) => {
      inFlight++
      most = Math.max(most, inFlight)
      await new Promise(resolve => setTimeout(resolve, 100))
      inFlight--
      reports.push(report)
      return true
    })
    await until(() => reports.length >= 4, 'four polls')
    expect(most).toBe(1)
    expect(device.requests()).toBeLessThanOrEqual(reports.length + 1)
    expect(reports.every(report => report.points[0]!.value === 5)).toBe(true)
  })

  it('keeps one connection open across polls', async () => {
    device = await startModbusDevice({ 0: 5 })
    const reports: PollReport[] = []
    start(soleLease, 30, async (report) => {
      reports.push(report)
      return true
    })
    await until(() => reports.length >= 5, 'five polls')
    expect(device.connections()).toBe(1)
  })

  it('polls only while it holds the lease, and closes its connection when the lease is lost', async () => {
    device = await startModbusDevice({ 0: 5 })
    let held = true
    const reports: PollReport[] = []
    start({ hold: async () => held, release: async () => {} }, 40, async (report) => {
      reports.push(report)
      return true
    })
    await until(() => reports.length >= 2, 'polls while held')
    held = false
    await until(() => device!.connections() === 0, 'the connection closed once the lease is lost')
    const requests = device.requests()
    await new Promise(resolve => setTimeout(resolve, 300))
    expect(device.requests()).toBe(requests)
  })

  /** Starts `poller` on whatever plan the returned `current` holds at each poll (as the database would answer it). */
  async function startStored(first: ModbusGatewayPlan, reports: PollReport[], backoff?: BackoffSettings) {
    const stored = { current: first }
    poller = new GatewayPoller(1, first.connection, {
      loadPlan: async () => stored.current, record: async (report) => { reports.push(report); return true },
      allowList: parseHostAllowList(undefined), gate: new ConcurrencyGate(4), lease: soleLease, log: () => {}, backoff,
    })
    poller.start()
    await until(() => reports.length >= 1, 'the first poll')
    return stored
  }

  /** A poller whose first connection was refused, backing off 30 to 60 s after it: far beyond any bound below. */
  async function startRefused(reports: PollReport[]) {
    const refused = await startStored(plan(await closedPort(), 50), reports, { baseMs: 60_000, maxMs: 60_000 })
    expect(reports[0]!.error?.kind).toBe('connection-refused')
    return refused
  }

  it('polls at once, without the old address\'s backoff, when the gateway\'s connection is changed', async () => {
    device = await startModbusDevice({ 0: 7 })
    const reports: PollReport[] = []
    const stored = await startRefused(reports)
    stored.current = plan(device.port, 50)
    poller!.retarget(stored.current.connection)
    await until(() => reports.some(report => report.points[0]!.value === 7), 'a poll of the new address', 3_000)
  })

  it('keeps its backoff when the connection it is told of is the one it already has', async () => {
    const reports: PollReport[] = []
    const stored = await startRefused(reports)
    poller!.retarget({ ...stored.current.connection })
    await new Promise(resolve => setTimeout(resolve, 300))
    expect(reports).toHaveLength(1)
  })

  it('polls on a shortened interval at once, rather than after the longer one it was waiting out', async () => {
    device = await startModbusDevice({ 0: 5 })
    const reports: PollReport[] = []
    const stored = await startStored(plan(device.port, 60_000), reports)
    stored.current = plan(device.port, 50)
    poller!.retarget(stored.current.connection)
    await until(() => reports.length >= 3, 'polls every 50 ms', 3_000)
  })
})
