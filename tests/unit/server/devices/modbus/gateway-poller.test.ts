import { afterEach, describe, expect, it } from 'vitest'
import { ConcurrencyGate } from '../../../../../server/devices/modbus/concurrency-gate'
import { soleLease } from '../../../../../server/devices/modbus/gateway-lease'
import type { GatewayLease } from '../../../../../server/devices/modbus/gateway-lease'
import { GatewayPoller } from '../../../../../server/devices/modbus/gateway-poller'
import { parseHostAllowList } from '../../../../../server/devices/modbus/host-allow-list'
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

  /** A poller whose first connection is refused, backing off 30 to 60 s after it: far beyond any bound below. */
  async function startRefused(reports: PollReport[]): Promise<{ poller: GatewayPoller, plan: { current: ModbusGatewayPlan } }> {
    const stored = { current: plan(await closedPort(), 50) }
    poller = new GatewayPoller(1, stored.current.connection, {
      loadPlan: async () => stored.current, record: async (report) => { reports.push(report); return true },
      allowList: parseHostAllowList(undefined), gate: new ConcurrencyGate(4), lease: soleLease, log: () => {},
      backoff: { baseMs: 60_000, maxMs: 60_000 },
    })
    poller.start()
    await until(() => reports.length >= 1, 'the refused poll')
    expect(reports[0]!.error?.kind).toBe('connection-refused')
    return { poller, plan: stored }
  }

  it('polls at once, without the old address\'s backoff, when the gateway\'s connection is changed', async () => {
    device = await startModbusDevice({ 0: 7 })
    const reports: PollReport[] = []
    const refused = await startRefused(reports)
    refused.plan.current = plan(device.port, 50)
    refused.poller.retarget(refused.plan.current.connection)
    await until(() => reports.some(report => report.points[0]!.value === 7), 'a poll of the new address', 3_000)
  })

  it('keeps its backoff when the connection it is told of is the one it already has', async () => {
    const reports: PollReport[] = []
    const refused = await startRefused(reports)
    refused.poller.retarget({ ...refused.plan.current.connection })
    await new Promise(resolve => setTimeout(resolve, 300))
    expect(reports).toHaveLength(1)
  })
})
