import { afterEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { alerts, commands, devices, gateways, telemetry, vehicles } from '../../../../../server/db/schema'
import { NODE_SILENT_AFTER_MS } from '../../../../../shared/zone-silence'
import { sendCommand } from '../../../../../server/domain/commands/send-command'
import { flushTelemetryBatches } from '../../../../../server/domain/zones/telemetry-batches'
import { pruneTelemetry } from '../../../../../server/domain/zones/telemetry-retention'
import { tenantSummary } from '../../../../../server/domain/zones/tenant-summary'
import { listZones } from '../../../../../server/domain/zones/zone-list'
import { SNAPSHOT_COMMANDS, zoneSnapshot } from '../../../../../server/domain/zones/zone-snapshot'
import { demoActor, equipmentOf, useDemoDatabase } from '../../test-database'
import type { TestContext } from '../domain-context'
import { testContext } from '../domain-context'
import { nodeOf, sendTelemetry, setThresholds } from './zone-fixtures'

let handle: DatabaseHandle
let ctx: TestContext
let greenfield: number
let northwind: number
let greenfieldZones: number[]

useDemoDatabase(async (demo) => {
  ({ handle, greenfield, northwind } = demo)
  ctx = testContext(handle, { retentionDays: 30 })
  greenfieldZones = demo.greenfieldGear.zones
  for (const zone of greenfieldZones) await setThresholds(handle.db, zone, { ph: { min: 5.5, max: 7 } })
})

afterEach(() => flushTelemetryBatches())

describe('zone snapshot, list and summary', () => {
  it('gives a zone with its nodes\' latest values, open alerts and recent commands', async () => {
    const [zoneA] = greenfieldZones as [number]
    const node = await nodeOf(handle.db, zoneA)
    await sendTelemetry(ctx, greenfield, { device: node.uid, samples: [{ metric: 'ph', value: 6.8, at: '2026-06-01T07:00:00Z' }, { metric: 'ph', value: 7.9 }, { metric: 'ec', value: 1.7 }] })
    const operator = await demoActor(handle.db, 'operator', 'greenfield')
    for (let i = 0; i < SNAPSHOT_COMMANDS + 2; i++) await sendCommand(ctx, operator, zoneA, { kind: 'vent', params: { step: i } })
    const snapshot = await zoneSnapshot(handle.db, zoneA, ctx.now())
    expect(snapshot!.zone).toMatchObject({ id: zoneA, tenantId: greenfield, name: 'Greenhouse A', status: 'alert', thresholds: { ph: { min: 5.5, max: 7 } } })
    const snapNode = snapshot!.nodes.find(item => item.id === node.id)!
    expect(snapNode.latest).toEqual({ ph: { value: 7.9, recordedAt: ctx.now().toISOString() }, ec: { value: 1.7, recordedAt: ctx.now().toISOString() } })
    expect(snapNode.lastSeenAt).toBe(ctx.now().toISOString())
    expect(snapshot!.alerts.map(alert => [alert.metric, alert.status, alert.severity])).toEqual([['ph', 'active', 'critical']])
    expect(snapshot!.commands).toHaveLength(SNAPSHOT_COMMANDS)
    expect(snapshot!.commands[0]!.params).toEqual({ step: SNAPSHOT_COMMANDS + 1 })
    expect(await zoneSnapshot(handle.db, 999_999, ctx.now())).toBeNull()
  })

  it('lists a tenant\'s zones with status and counts, and none of the other tenant\'s', async () => {
    const [zoneA] = greenfieldZones as [number]
    const list = await listZones(handle.db, greenfield)
    expect(list.map(zone => zone.id).sort()).toEqual([...greenfieldZones].sort())
    expect(list.map(zone => zone.name)).toEqual(['Greenhouse A', 'Greenhouse B', 'Nursery'])
    expect(list.find(zone => zone.id === zoneA)).toMatchObject({ status: 'alert', nodes: 1, openAlerts: 1, pendingCommands: SNAPSHOT_COMMANDS + 2 })
    // Zone B's nodes have not reported in this test: without open alerts its status is not known.
    expect(list.find(zone => zone.id === greenfieldZones[1])).toMatchObject({ status: 'unknown', openAlerts: 0, pendingCommands: 0 })
    expect((await listZones(handle.db, northwind)).every(zone => !greenfieldZones.includes(zone.id))).toBe(true)
  })

  it('says a zone without alerts is ok while a node reports, unknown once all its nodes are silent past the limit', async () => {
    const zoneB = greenfieldZones[1]!
    const reportedAt = Date.parse('2026-06-01T08:00:00Z')
    await handle.db.update(devices).set({ lastSeenAt: new Date(reportedAt) }).where(eq(devices.zoneId, zoneB))
    const statusAt = async (now: number) => (await listZones(handle.db, greenfield, now)).find(zone => zone.id === zoneB)!
    expect(await statusAt(reportedAt + NODE_SILENT_AFTER_MS)).toMatchObject({ status: 'ok', lastReportAt: '2026-06-01T08:00:00.000Z' })
    expect((await statusAt(reportedAt + NODE_SILENT_AFTER_MS + 1)).status).toBe('unknown')
    const snapshot = await zoneSnapshot(handle.db, zoneB, new Date(reportedAt + NODE_SILENT_AFTER_MS + 1))
    expect(snapshot!.zone.status).toBe('unknown')
  })

  it('summarises zones by status, gateways online, vehicles by status and active alerts by severity', async () => {
    const [gateway] = (await equipmentOf(handle.db, greenfield)).gateways
    await handle.db.update(gateways).set({ online: false }).where(eq(gateways.tenantId, greenfield))
    await handle.db.update(gateways).set({ online: true }).where(eq(gateways.id, gateway!))
    await handle.db.update(vehicles).set({ status: 'moving' }).where(eq(vehicles.tenantId, greenfield))
    const summary = await tenantSummary(handle.db, greenfield)
    // The two zones without alerts have nodes that never reported: unknown, not ok.
    expect(summary.zones).toEqual({ ok: 0, warning: 0, alert: 1, unknown: 2, total: 3 })
    expect(summary.gateways).toEqual({ online: 1, total: 2 })
    expect(summary.vehicles).toEqual({ moving: 2, stopped: 0, parking: 0, offline: 0, no_gps: 0, total: 2 })
    expect(summary.activeAlerts).toEqual({ info: 0, warning: 0, critical: 1, total: 1 })
    await handle.db.update(alerts).set({ status: 'acknowledged' }).where(eq(alerts.tenantId, greenfield))
    expect((await tenantSummary(handle.db, greenfield)).activeAlerts.total).toBe(0)
    expect((await tenantSummary(handle.db, northwind)).zones.alert).toBe(0)
    expect(await handle.db.$count(commands, eq(commands.tenantId, northwind))).toBe(0)
  })
})

describe('pruneTelemetry', () => {
  it('deletes telemetry older than the retention period, in slices, and keeps the rest', async () => {
    const node = await nodeOf(handle.db, greenfieldZones[1]!)
    const old = Array.from({ length: 12_000 }, (_, i) => ({
      tenantId: greenfield, zoneId: node.zoneId, deviceId: node.id, metric: 'humidity', value: 60, recordedAt: new Date(Date.parse('2026-04-01T00:00:00Z') + i * 1000),
    }))
    for (let start = 0; start < old.length; start += 3000) await handle.db.insert(telemetry).values(old.slice(start, start + 3000))
    const cutoff = new Date(ctx.now().getTime() - 30 * 86_400_000)
    await handle.db.insert(telemetry).values({ tenantId: greenfield, zoneId: node.zoneId, deviceId: node.id, metric: 'humidity', value: 61, recordedAt: new Date(cutoff.getTime() + 1000) })
    const before = await handle.db.$count(telemetry)
    expect(await pruneTelemetry(ctx)).toBe(12_000)
    expect(await handle.db.$count(telemetry)).toBe(before - 12_000)
    expect(await pruneTelemetry(ctx)).toBe(0)
  }, 30_000) // 12 000 rows written and deleted in slices: slow on a busy 2-core machine, not a speed check
})
