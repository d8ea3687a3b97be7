// `npm run doctor` beside a real server: a healthy set-up passes (exit 0), each broken one names what is wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkNamed, runDoctor } from '../support/doctor-process'
import { freePort } from '../support/free-port'
import { startPostgres } from '../support/postgres-process'
import type { PostgresProcess } from '../support/postgres-process'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { startStrippingProxy } from '../support/stripping-proxy'
import type { StrippingProxy } from '../support/stripping-proxy'
import { startWebhookReceiver } from '../support/webhook-receiver'
import { webhooksEnv } from '../support/webhook-setup'

const SESSION_SECRET = 's'.repeat(40)
const ALLOWED = { REVERB_ALLOWED_ORIGINS: '127.0.0.1', SESSION_SECRET }

describe('doctor against an embedded-database server', () => {
  let server: ServerProcess
  let proxy: StrippingProxy
  beforeAll(async () => {
    server = await startServer(ALLOWED)
    proxy = await startStrippingProxy(server.url)
  })
  afterAll(async () => {
    await proxy?.close()
    await server?.stop()
  })

  it('passes every check of a healthy set-up and exits 0, printing the round trip latency', async () => {
    const run = await runDoctor(server, ALLOWED)
    expect(run.checks.filter(check => check.verdict !== 'PASS')).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(checkNamed(run, 'database').detail).toContain('reachable and migrated')
    expect(checkNamed(run, 'round trip').detail).toMatch(/received by pusher-js in \d+\.\d ms/)
  }, 60_000)

  it('fails the round trip with a wrong secret, saying the HTTP API refused the signature', async () => {
    const run = await runDoctor(server, { ...ALLOWED, REVERB_APP_SECRET: 'not-the-servers-secret' })
    expect(checkNamed(run, 'round trip')).toMatchObject({ verdict: 'FAIL', detail: expect.stringContaining('refused the signature (401)') })
    expect(checkNamed(run, 'websocket upgrade').verdict).toBe('PASS')
    expect(run.exitCode).toBe(1)
  }, 60_000)

  it('fails allowed origins and the upgrade when browsers use a host REVERB_ALLOWED_ORIGINS does not list', async () => {
    const run = await runDoctor(server, { ...ALLOWED, LOOKOUT_URL: `http://localhost:${server.port}` })
    expect(checkNamed(run, 'allowed origins')).toMatchObject({ verdict: 'FAIL', fix: expect.stringContaining('add localhost to REVERB_ALLOWED_ORIGINS') })
    expect(checkNamed(run, 'websocket upgrade')).toMatchObject({ verdict: 'FAIL', detail: expect.stringContaining('403') })
    expect(run.exitCode).toBe(1)
  }, 60_000)

  it('detects a proxy that drops the upgrade headers while plain HTTP through it works', async () => {
    const run = await runDoctor(server, { ...ALLOWED, LOOKOUT_URL: proxy.url })
    expect(checkNamed(run, 'websocket upgrade')).toMatchObject({ verdict: 'FAIL', detail: expect.stringContaining('a proxy drops the Upgrade and Connection headers'), fix: expect.stringContaining('proxy_set_header Upgrade') })
    expect(checkNamed(run, 'fallback polling').verdict).toBe('PASS')
    expect(run.exitCode).toBe(1)
  }, 60_000)

  it('passes a webhook receiver that answers and fails one that cannot be reached', async () => {
    const receiver = await startWebhookReceiver()
    const closedPort = await freePort()
    try {
      const run = await runDoctor(server, { ...ALLOWED, ...webhooksEnv([{ url: receiver.url }, { url: `http://127.0.0.1:${closedPort}/hook` }]) })
      const receivers = run.checks.filter(check => check.check === 'webhook receiver')
      expect(receivers.map(check => check.verdict)).toEqual(['PASS', 'FAIL'])
      expect(receivers[1]!.detail).toContain(`127.0.0.1:${closedPort}`)
      expect(receiver.accepted.map(request => request.rawBody)).toEqual([''])
      expect(run.exitCode).toBe(1)
    }
    finally {
      await receiver.close()
    }
  }, 60_000)

  it('fails when no server answers, naming where it looked', async () => {
    const stopped = { ...server, port: 1 }
    const run = await runDoctor(stopped, ALLOWED)
    expect(checkNamed(run, 'server')).toMatchObject({ verdict: 'FAIL', detail: expect.stringContaining('http://127.0.0.1:1/api/health') })
    expect(run.exitCode).toBe(1)
  }, 60_000)
})

describe('doctor against a server whose PostgreSQL is down', () => {
  let postgres: PostgresProcess
  let server: ServerProcess
  beforeAll(async () => {
    postgres = await startPostgres()
    server = await startServer({ DATABASE_URL: postgres.url, SESSION_SECRET })
  })
  afterAll(async () => {
    await server?.stop()
    await postgres?.dispose()
  })

  it('passes the database while PostgreSQL runs, then fails it once PostgreSQL stops', async () => {
    const env = { DATABASE_URL: postgres.url, SESSION_SECRET }
    expect(checkNamed(await runDoctor(server, env), 'database').verdict).toBe('PASS')
    await postgres.stop()
    const run = await runDoctor(server, env)
    expect(checkNamed(run, 'database')).toMatchObject({ verdict: 'FAIL', detail: expect.stringContaining('cannot reach PostgreSQL') })
    expect(run.exitCode).toBe(1)
  }, 90_000)
})
