// The simulator's round: every tenant's positions are sent at the same time, not tenant after tenant, each tenant's
// in requests of 1 000, one at a time.
import { describe, expect, it } from 'vitest'
import { IngestClient } from '../../../../server/simulator/ingest-client'
import type { IngestFetch } from '../../../../server/simulator/ingest-client'
import { Simulator } from '../../../../server/simulator/simulator'
import type { SimulatedTenant } from '../../../../server/simulator/world'

function tenantWith(id: number, vehicles: number): SimulatedTenant {
  return {
    id, zones: [], nodes: [], gateways: [],
    vehicles: Array.from({ length: vehicles }, (_, index) => ({ id: id * 10_000 + index, lat: null, lon: null, imei: null })),
    geozones: [{ kind: 'circle', center: [4.9, 52.37], radiusMeters: 300 }],
  }
}

/** Position requests held until the test answers them, and a way to wait until `count` are in flight. */
function heldRequests() {
  const inFlight: Array<{ tenant: string, positions: number, answer: () => void }> = []
  let waiting: { count: number, resolve: () => void } | null = null
  const fetchFor = (tenant: string): IngestFetch => async (path, init) => {
    if (path !== '/api/ingest/positions') return { status: path.startsWith('/api/ingest/commands') ? 200 : 201, json: async () => ({ data: [] }) }
    const { positions } = JSON.parse(init.body!) as { positions: unknown[] }
    await new Promise<void>((answer) => {
      inFlight.push({ tenant, positions: positions.length, answer })
      if (waiting && inFlight.length >= waiting.count) waiting.resolve()
    })
    return { status: 201, json: async () => ({}) }
  }
  const until = (count: number) => new Promise<void>((resolve) => {
    if (inFlight.length >= count) return resolve()
    waiting = { count, resolve }
  })
  // Answers the requests in flight and forgets them.
  const answerAll = () => inFlight.splice(0).map(({ tenant, positions, answer }) => (answer(), `${tenant}:${positions}`)).sort()
  return { fetchFor, until, answerAll }
}

describe('Simulator.tick', () => {
  it('sends every tenant\'s positions together, each tenant\'s 1 000 at a time', async () => {
    const held = heldRequests()
    const simulator = new Simulator([tenantWith(1, 1500), tenantWith(2, 1200)], id => new IngestClient(held.fetchFor(`t${id}`), 'token'), { intervalMs: 1000, seed: 1 })
    const round = simulator.tick()
    // Tenant after tenant, tenant 2's first request would wait for tenant 1's two to be answered, and this never resolve.
    await held.until(2)
    expect(held.answerAll()).toEqual(['t1:1000', 't2:1000'])
    await held.until(2)
    expect(held.answerAll()).toEqual(['t1:500', 't2:200'])
    await round
  })
})
