// Plans of polls starting together loaded together, from a real database: one load for gateways asking in the
// same turn, each its own gateway's points, null for a gateway no longer polled, later askers in the next load.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { gateways } from '../../../../../server/db/schema'
import { PlanLoader } from '../../../../../server/devices/modbus/plan-loader'
import { modbusGatewayPlans } from '../../../../../server/domain/gateways/modbus-gateways'
import { polledGateway } from '../../domain/gateways/poll-fixtures'
import { useDemoDatabase } from '../../test-database'

let handle: DatabaseHandle
let greenfield: number

useDemoDatabase(demo => ({ handle, greenfield } = demo))

/** A loader on the database that records the gateway ids of each load. */
function countingLoader() {
  const loads: number[][] = []
  const loader = new PlanLoader(async (ids) => {
    loads.push(ids)
    return modbusGatewayPlans(handle.db, ids)
  })
  return { loader, loads }
}

describe('PlanLoader', () => {
  it('loads the plans of gateways asking in the same turn at once, each with its own points', async () => {
    const polled = [await polledGateway(handle.db, greenfield), await polledGateway(handle.db, greenfield)]
    const { loader, loads } = countingLoader()
    const plans = await Promise.all(polled.map(({ gateway }) => loader.load(gateway.id)))
    expect(loads).toEqual([polled.map(({ gateway }) => gateway.id)])
    expect(plans.map(plan => plan?.points.map(point => point.id))).toEqual(polled.map(({ plan }) => plan.points.map(point => point.id)))
    expect(plans.map(plan => plan?.connection.port)).toEqual([1502, 1502])
  })

  it('answers null for a gateway archived or switched to pushed readings', async () => {
    const [archived, pushed] = [await polledGateway(handle.db, greenfield), await polledGateway(handle.db, greenfield)]
    await handle.db.update(gateways).set({ archivedAt: new Date() }).where(eq(gateways.id, archived.gateway.id))
    await handle.db.update(gateways).set({ connection: { protocol: 'push' } }).where(eq(gateways.id, pushed.gateway.id))
    const { loader } = countingLoader()
    expect(await Promise.all([loader.load(archived.gateway.id), loader.load(pushed.gateway.id)])).toEqual([null, null])
  })

  it('reads a gateway asking while a load runs in the next load, with what changed before it asked', async () => {
    const [first, second] = [await polledGateway(handle.db, greenfield), await polledGateway(handle.db, greenfield)]
    const { loader, loads } = countingLoader()
    const firstPlan = loader.load(first.gateway.id)
    await new Promise(resolve => setImmediate(resolve))
    await handle.db.update(gateways).set({ connection: { ...first.plan.connection, port: 1600 } }).where(eq(gateways.id, second.gateway.id))
    const secondPlan = await loader.load(second.gateway.id)
    await firstPlan
    expect(loads).toEqual([[first.gateway.id], [second.gateway.id]])
    expect(secondPlan?.connection.port).toBe(1600)
  })
})
