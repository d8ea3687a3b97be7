// The simulator's round: every tenant's positions are sent at once, not tenant after tenant.
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

describe('Simulator.tick', () => {
  it('has the position requests of every tenant in flight together, 1 000 positions each', async () => {
    const inFlight: Array<{ tenant: string, positions: number, answer: () => void }> = []
    let everyoneWaiting: () => void = () => {}
    const allFour = new Promise<void>(resolve => (everyoneWaiting = resolve))
    const fetchFor = (tenant: string): IngestFetch => async (path, init) => {
      if (path !== '/api/ingest/positions') return { status: path.startsWith('/api/ingest/commands') ? 200 : 201, json: async () => ({ data: [] }) }
      const { positions } = JSON.parse(init.body!) as { positions: unknown[] }
      await new Promise<void>((answer) => {
        inFlight.push({ tenant, positions: positions.length, answer })
        if (inFlight.length === 4) everyoneWaiting()
      })
      return { status: 201, json: async () => ({}) }
    }
    const simulator = new Simulator([tenantWith(1, 1500), tenantWith(2, 1200)], id => new IngestClient(fetchFor(`t${id}`), 'token'), { intervalMs: 1000, seed: 1 })
    const round = simulator.tick()
    // Sent one after another, the first request would wait forever for the other three and the round never end.
    await allFour
    expect(inFlight.map(({ tenant, positions }) => `${tenant}:${positions}`).sort()).toEqual(['t1:1000', 't1:500', 't2:1000', 't2:200'])
    for (const request of inFlight) request.answer()
    await round
  })
})
