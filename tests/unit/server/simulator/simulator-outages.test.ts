// SIMULATOR_OUTAGES: parsing, and a simulator told "off" whose gateways report every tick.
import { describe, expect, it } from 'vitest'
import { IngestClient } from '../../../../server/simulator/ingest-client'
import type { IngestFetch } from '../../../../server/simulator/ingest-client'
import { Simulator } from '../../../../server/simulator/simulator'
import { outagesWanted } from '../../../../server/simulator/simulator-outages'
import { PUSH_CONNECTION } from '../../../../shared/modbus'
import type { SimulatedTenant } from '../../../../server/simulator/world'

const TICKS = 600

const tenant: SimulatedTenant = {
  id: 1, zones: [], nodes: [], vehicles: [], geozones: [],
  gateways: [1, 2, 3].map(id => ({ id, serial: `GW-${id}`, registers: [0, 1], connection: PUSH_CONNECTION, points: [] })),
}

/** How many of `TICKS` ticks each gateway reported in, with outages on or off (one seed for both). */
async function reportsPerGateway(outages: boolean): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  const fetch: IngestFetch = async (path, init) => {
    if (path === '/api/ingest/readings') {
      const { gateway } = JSON.parse(init.body!) as { gateway: string }
      counts[gateway] = (counts[gateway] ?? 0) + 1
    }
    return { status: 201, json: async () => ({ data: [] }) }
  }
  const simulator = new Simulator([tenant], () => new IngestClient(fetch, 'token'), { intervalMs: 1000, seed: 3, outages })
  for (let tick = 0; tick < TICKS; tick++) await simulator.tick()
  return counts
}

describe('outagesWanted', () => {
  it('is on unless SIMULATOR_OUTAGES says off', () => {
    expect(outagesWanted({})).toBe(true)
    expect(outagesWanted({ SIMULATOR_OUTAGES: 'on' })).toBe(true)
    expect(outagesWanted({ SIMULATOR_OUTAGES: ' off ' })).toBe(false)
  })

  it('refuses anything but on or off, naming the variable', () => {
    expect(() => outagesWanted({ SIMULATOR_OUTAGES: 'no' })).toThrow('SIMULATOR_OUTAGES must be on or off, got "no"')
  })
})

describe('Simulator with outages off', () => {
  it('has every gateway report at every tick, where with outages on some fall silent', async () => {
    expect(await reportsPerGateway(false)).toEqual({ 'GW-1': TICKS, 'GW-2': TICKS, 'GW-3': TICKS })
    const withOutages = await reportsPerGateway(true)
    expect(Object.values(withOutages).reduce((sum, count) => sum + count, 0)).toBeLessThan(3 * TICKS)
  })
})
