// The demo: with the simulator on and the listener on its default free port, vehicles with an IMEI report as
// Codec 8 trackers over TCP, the others over HTTP ingest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../support/clients'
import { demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess
let admin: Session

interface FleetEntry { name: string, sensors: Record<string, unknown>, position: unknown }

async function fleet(): Promise<FleetEntry[]> {
  return (await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/fleet`)).json() as { data: FleetEntry[] }).data
}

beforeAll(async () => {
  server = await startServer({ SIMULATOR: 'on', SIMULATOR_INTERVAL_MS: '300', SIMULATOR_SEED: '7' })
  admin = await login(server, demoEmail('admin', 'northwind'))
}, 120_000)

afterAll(() => server?.stop())

describe('simulated trackers', () => {
  it('start the listener on a free port and move the IMEI vehicles over Codec 8, the others over HTTP', async () => {
    await waitFor(() => /Codec 8\/8E over TCP on port \d+/.test(server.output()), 30_000, 'the Teltonika listener')
    let entries: FleetEntry[] = []
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline) {
      entries = await fleet()
      if (entries.every(entry => entry.position !== null)) break
      await new Promise(done => setTimeout(done, 200))
    }
    const byName = new Map(entries.map(entry => [entry.name, entry]))
    // External voltage comes only from a tracker's IO 66; temperature only from the HTTP simulation.
    for (const name of ['Truck 11', 'Truck 12']) expect(byName.get(name)!.sensors).toHaveProperty('externalVoltage')
    expect(byName.get('Truck 13')!.sensors).toHaveProperty('temperature')
    expect(byName.get('Truck 13')!.sensors).not.toHaveProperty('externalVoltage')
    expect(server.output()).not.toMatch(/simulated tracker \d+ was refused/)
  })
})
