// The PMTiles base map (MAP_PMTILES): Lookout serves the archive in pieces through HTTP Range requests (206),
// read by the `pmtiles` package's own reader as the map page reads it, and only to signed-in users.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FetchSource, PMTiles } from 'pmtiles'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { FIXTURE_TILES, pmtilesFixture } from '../support/pmtiles-fixture'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

const archive = pmtilesFixture()
const folder = mkdtempSync(join(tmpdir(), 'lookout-pmtiles-'))
let server: ServerProcess
let viewer: Session

beforeAll(async () => {
  writeFileSync(join(folder, 'region.pmtiles'), archive)
  server = await startServer({ MAP_PMTILES: join(folder, 'region.pmtiles') })
  viewer = await login(server, demoEmail('viewer', 'greenfield'))
})
afterAll(async () => {
  await server?.stop()
  rmSync(folder, { recursive: true, force: true })
})

describe('the PMTiles base map', () => {
  it('is announced to the map page', async () => {
    const config = await (await viewer.fetch('/api/map/config')).json()
    expect(config).toEqual({ styleUrl: null, pmtilesUrl: '/api/map/tiles.pmtiles' })
  })

  it('answers a Range request with 206 and exactly those bytes', async () => {
    const response = await viewer.fetch('/api/map/tiles.pmtiles', { headers: { range: 'bytes=0-126' } })
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe(`bytes 0-126/${archive.length}`)
    expect(response.headers.get('accept-ranges')).toBe('bytes')
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(archive.slice(0, 127))
  })

  it('answers an open-ended range and a suffix range with the file\'s end', async () => {
    const open = await viewer.fetch('/api/map/tiles.pmtiles', { headers: { range: 'bytes=130-' } })
    expect(open.status).toBe(206)
    expect(new Uint8Array(await open.arrayBuffer())).toEqual(archive.slice(130))
    const suffix = await viewer.fetch('/api/map/tiles.pmtiles', { headers: { range: 'bytes=-10' } })
    expect(suffix.status).toBe(206)
    expect(suffix.headers.get('content-range')).toBe(`bytes ${archive.length - 10}-${archive.length - 1}/${archive.length}`)
    expect(new Uint8Array(await suffix.arrayBuffer())).toEqual(archive.slice(-10))
  })

  it('sends the whole file without a Range header, and 416 for a range beyond it', async () => {
    const whole = await viewer.fetch('/api/map/tiles.pmtiles')
    expect(whole.status).toBe(200)
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(archive)
    const beyond = await viewer.fetch('/api/map/tiles.pmtiles', { headers: { range: `bytes=${archive.length}-` } })
    expect(beyond.status).toBe(416)
    expect(beyond.headers.get('content-range')).toBe(`bytes */${archive.length}`)
  })

  it('is read tile by tile by the pmtiles package over HTTP', async () => {
    const reader = new PMTiles(new FetchSource(`${server.url}/api/map/tiles.pmtiles`, new Headers({ cookie: viewer.cookie })))
    const header = await reader.getHeader()
    expect([header.minZoom, header.maxZoom]).toEqual([0, 1])
    expect(await reader.getMetadata()).toEqual({ name: 'Lookout test fixture' })
    for (const [key, bytes] of Object.entries(FIXTURE_TILES)) {
      const [z, x, y] = key.split('/').map(Number)
      const tile = await reader.getZxy(z!, x!, y!)
      expect(new Uint8Array(tile!.data), key).toEqual(bytes)
    }
    expect(await reader.getZxy(1, 1, 1)).toBeUndefined()
  })

  it('is not served to someone who is not signed in', async () => {
    const response = await fetch(`${server.url}/api/map/tiles.pmtiles`, { headers: { range: 'bytes=0-126' } })
    expect(response.status).toBe(401)
  })
})
