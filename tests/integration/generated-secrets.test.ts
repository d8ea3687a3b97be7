// With nothing configured, nothing published works: the app secret and, beyond loopback, the demo password are
// generated once into DATA_DIR and reused; the start-up log says where phones can connect (built server, pusher-js).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connected, pusherClient, serverSdk } from '../support/clients'
import { DEMO_PASSWORD, demoEmail, login } from '../support/http-session'
import { startServer, TEST_APP } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

/** The secret the README used to publish as the default. */
const PUBLISHED_SECRET = 'lookout-development-secret'
const dataDir = mkdtempSync(join(tmpdir(), 'lookout-generated-secrets-'))
// No REVERB_APP_SECRET, no DEMO_PASSWORD, every interface: what `npm start` on a LAN used to be.
const UNCONFIGURED = { REVERB_APP_SECRET: '', HOST: '0.0.0.0', DATA_DIR: dataDir }

let server: ServerProcess
let firstLog = ''

beforeAll(async () => {
  server = await startServer(UNCONFIGURED)
  firstLog = server.output()
}, 120_000)
afterAll(async () => {
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

/** Whether pusher-js gets a private channel signed with `secret`. */
async function subscribesWith(secret: string): Promise<boolean> {
  const client = pusherClient(server, serverSdk(server, { ...TEST_APP, secret }))
  try {
    await connected(client)
    const channel = client.subscribe('private-probe')
    return await new Promise<boolean>((resolve) => {
      channel.bind('pusher:subscription_succeeded', () => resolve(true))
      channel.bind('pusher:subscription_error', () => resolve(false))
    })
  }
  finally {
    client.disconnect()
  }
}

describe('an unconfigured server', () => {
  it('refuses subscriptions signed with the formerly published secret and accepts the one generated into DATA_DIR', async () => {
    const generated = readFileSync(join(dataDir, 'app-secret'), 'utf8').trim()
    expect(generated).toMatch(/^[0-9a-f]{64}$/)
    expect(await subscribesWith(PUBLISHED_SECRET)).toBe(false)
    expect(await subscribesWith(generated)).toBe(true)
    expect(firstLog).not.toContain(generated)
  })

  it('refuses the published demo password beyond loopback, and prints the generated one once', async () => {
    await expect(login(server, demoEmail('admin', 'greenfield'), DEMO_PASSWORD)).rejects.toThrow(/401/)
    const generated = readFileSync(join(dataDir, 'demo-password'), 'utf8').trim()
    expect(firstLog).toContain(`admin@greenfield.example / ${generated}`)
    expect((await login(server, demoEmail('viewer', 'northwind'), generated)).user.role).toBe('viewer')
  })

  it('prints the LAN addresses and warns that demo accounts are reachable', () => {
    expect(firstLog).toMatch(/\[lookout\] on the LAN: /)
    expect(firstLog).toMatch(/warning: demo accounts are on and the server listens beyond loopback/)
  })

  it('reuses both after a restart and prints the demo password no more', async () => {
    const secret = readFileSync(join(dataDir, 'app-secret'), 'utf8').trim()
    const password = readFileSync(join(dataDir, 'demo-password'), 'utf8').trim()
    await server.stop()
    server = await startServer(UNCONFIGURED)
    expect(await subscribesWith(secret)).toBe(true)
    expect(server.output()).not.toContain(password)
    expect((await login(server, demoEmail('operator', 'greenfield'), password)).user.role).toBe('operator')
  }, 120_000)
})
