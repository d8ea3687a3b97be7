// The simulator's round: every tenant's positions in requests of 1 000, one request at a time unless told otherwise.
import { describe, expect, it } from 'vitest'
import { IngestClient } from '../../../../server/simulator/ingest-client'
import type { IngestFetch } from '../../../../server/simulator/ingest-client'
import { Simulator } from '../../../../server/simulator/simulator'
import type { SimulatedTenant } from '../../../../server/simulator/world'

/** Answers every ingest call, recording position requests as `tenant:positions:distinct vehicles` and the most sent at once. */
function positionsRecorder() {
  const sent: string[] = []
  let inFlight = 0
  const recorder = { sent, mostInFlight: 0, fetchFor: (tenant: string): IngestFetch => async (path, init) => {
    if (path !== '/api/ingest/positions') return { status: path.startsWith('/api/ingest/commands') ? 200 : 201, json: async () => ({ data: [] }) }
    recorder.mostInFlight = Math.max(recorder.mostInFlight, ++inFlight)
    const { positions } = JSON.parse(init.body!) as { positions: Array<{ vehicleId: number }> }
    await new Promise(resolve => setTimeout(resolve, 5))
    inFlight -= 1
    sent.push(`${tenant}:${positions.length}:${new Set(positions.map(position => position.vehicleId)).size}`)
    return { status: 201, json: async () => ({}) }
  } }
  return recorder
}

function tenantWith(id: number, vehicles: number): SimulatedTenant {
  return {
    id, zones: [], nodes: [], gateways: [],
    vehicles: Array.from({ length: vehicles }, (_, index) => ({ id: id * 10_000 + index, lat: null, lon: null, imei: null })),
    geozones: [{ kind: 'circle', center: [4.9, 52.37], radiusMeters: 300 }],
  }
}

describe('Simulator.tick', () => {
  it('reports every vehicle of every tenant, 1 000 positions a request, never two requests at once', async () => {
    const recorder = positionsRecorder()
    const simulator = new Simulator([tenantWith(1, 1500), tenantWith(2, 1200)], id => new IngestClient(recorder.fetchFor(`t${id}`), 'token'), { intervalMs: 1000, seed: 1 })
    await simulator.tick()
    expect(recorder.sent).toEqual(['t1:1000:1000', 't1:500:500', 't2:1000:1000', 't2:200:200'])
    expect(recorder.mostInFlight).toBe(1)
  })

  it('sends a tenant\'s position requests side by side, at most positionRequestsInFlight at once', async () => {
    const recorder = positionsRecorder()
    const simulator = new Simulator([tenantWith(1, 4500)], id => new IngestClient(recorder.fetchFor(`t${id}`), 'token'), { intervalMs: 1000, seed: 1, positionRequestsInFlight: 2 })
    await simulator.tick()
    expect([...recorder.sent].sort()).toEqual(['t1:1000:1000', 't1:1000:1000', 't1:1000:1000', 't1:1000:1000', 't1:500:500'])
    expect(recorder.mostInFlight).toBe(2)
  })
})
