// Server restarts under load: graceful (SIGTERM) and killed (SIGKILL), on the same data folder and port.
// Ingest is never half-stored; pusher-js and Echo reconnect by themselves, see the new epoch, can tell
// the gap (history lives in process memory) and recover what the new process published before they were back.
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Pusher from 'pusher'
import type PusherJs from 'pusher-js'
import { afterEach, describe, expect, it } from 'vitest'
import type { HistoryPage } from '../../shared/realtime-protocol'
import { echoClient, pusherClient, serverSdk, waitFor } from '../support/clients'
import { positionsOf, tap } from '../support/cluster'
import type { Message } from '../support/cluster'
import { demoEmail, firstZonedNode, login } from '../support/http-session'
import { DeviceLoad, storedSamples } from '../support/ingest-load'
import type { BatchOutcome } from '../support/ingest-load'
import { createToken, ingest } from '../support/ingest-token'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { RECOVERY_PATH } from '../../shared/realtime-protocol'

const CHANNEL = 'restart-feed'
const SAMPLES = 200

/** A client of the channel, seen through the raw messages its pusher-js connection hands over. */
interface Watcher {
  name: string
  pusher: PusherJs
  messages: Message[]
  /** Close codes pusher-js reported as connection errors. */
  closeCodes: number[]
  disconnect: () => void
}

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** Starts a server on a data folder of its own that outlives it; the folder is removed after the test. */
async function firstServer(): Promise<{ server: ServerProcess, dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lookout-restart-'))
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
  const server = await startServer({ DATA_DIR: dataDir })
  cleanups.push(() => server.stop())
  return { server, dataDir }
}

/** The same server again: the same data folder and port, so clients find it where they left it. */
async function restarted(dataDir: string, port: number): Promise<ServerProcess> {
  const server = await startServer({ DATA_DIR: dataDir, PORT: String(port) })
  cleanups.push(() => server.stop())
  return server
}

/** Sends `signal` and resolves with how the process ended. */
function ended(server: ServerProcess, signal: NodeJS.Signals): Promise<{ code: number | null, signal: NodeJS.Signals | null }> {
  const exit = new Promise<{ code: number | null, signal: NodeJS.Signals | null }>(done => server.child.once('exit', (code, by) => done({ code, signal: by })))
  server.child.kill(signal)
  return exit
}

/** A pusher-js client and an Echo (reverb) client on the channel, once both are subscribed. */
async function watchers(server: ServerProcess, sdk: Pusher): Promise<Watcher[]> {
  const client = pusherClient(server, sdk, { wsPath: RECOVERY_PATH })
  client.subscribe(CHANNEL)
  const echo = echoClient(server, sdk, 'reverb', undefined, { wsPath: RECOVERY_PATH })
  echo.channel(CHANNEL).listen('.tick', () => undefined)
  const all = [
    { name: 'pusher-js', pusher: client, disconnect: () => client.disconnect() },
    { name: 'laravel-echo', pusher: echo.connector.pusher, disconnect: () => echo.disconnect() },
  ].map((watcher) => {
    const closeCodes: number[] = []
    watcher.pusher.connection.bind('error', (error: { data?: { code?: number } }) => {
      if (typeof error?.data?.code === 'number') closeCodes.push(error.data.code)
    })
    return { ...watcher, messages: tap(watcher.pusher), closeCodes }
  })
  cleanups.push(() => all.forEach(watcher => watcher.disconnect()))
  await waitFor(() => all.every(watcher => positionsOf(watcher.messages, CHANNEL).length === 1), 10_000, 'both clients to subscribe')
  return all
}

/** The channel's events a watcher received live: `n` and offset, in arrival order, from message index `from` on. */
function ticks(watcher: Watcher, from = 0): Array<{ n: number, offset: number }> {
  return watcher.messages.slice(from)
    .filter(message => message.channel === CHANNEL && message.event === 'tick')
    .map(message => message.data as { n: number, __lookout: { offset: number } })
    .map(data => ({ n: data.n, offset: data.__lookout.offset }))
}

async function publish(sdk: Pusher, numbers: number[]): Promise<void> {
  for (const n of numbers) expect((await sdk.trigger(CHANNEL, 'tick', { n })).status).toBe(200)
}

/** The channel's kept events after `after` in `epoch`, through the signed HTTP API. */
async function history(sdk: Pusher, after: number, epoch: string): Promise<HistoryPage> {
  return await (await sdk.get({ path: `/channels/${CHANNEL}/events`, params: { after: String(after), epoch } })).json() as HistoryPage
}

/**
 * After a restart each watcher resubscribes by itself, learns the new epoch, finds that the old epoch's
 * history is gone (the gap that makes a page reload), and gets every event of the new process once: those
 * published before it was back from the new history, the rest live.
 */
async function expectRecovered(watchers: Watcher[], sdk: Pusher, oldEpoch: string, whileAway: number[], afterwards: number[]): Promise<void> {
  await waitFor(() => watchers.every(watcher => positionsOf(watcher.messages, CHANNEL).length >= 2), 60_000, 'both clients to resubscribe')
  await publish(sdk, afterwards)
  const all = [...whileAway, ...afterwards]
  await waitFor(() => watchers.every(watcher => ticks(watcher).some(tick => tick.n === all.at(-1))), 10_000, 'the events after reconnecting')
  expect(await history(sdk, 3, oldEpoch)).toMatchObject({ gap: true, events: [] })
  for (const watcher of watchers) {
    const position = positionsOf(watcher.messages, CHANNEL).at(-1)!
    expect(position.epoch, watcher.name).not.toBe(oldEpoch)
    const resubscribedAt = watcher.messages.findLastIndex(message => message.channel === CHANNEL && message.event === 'pusher_internal:subscription_succeeded')
    const page = await history(sdk, 0, position.epoch)
    expect(page.gap, watcher.name).toBe(false)
    const replayed = page.events.filter(event => event.offset <= position.offset).map(event => (JSON.parse(event.data) as { n: number }).n)
    const live = ticks(watcher, resubscribedAt)
    expect(live.every(tick => tick.offset > position.offset), watcher.name).toBe(true)
    expect([...replayed, ...live.map(tick => tick.n)], watcher.name).toEqual(all)
  }
}

/** Every batch answered 201 is fully stored; one that failed at the client is fully stored or absent, and a retry with its key makes it exactly once. */
async function expectWholeBatches(server: ServerProcess, load: DeviceLoad, outcomes: BatchOutcome[], zoneId: number, failedMeansAbsent: boolean): Promise<void> {
  const admin = await login(server, demoEmail('admin', 'greenfield'))
  const before = await Promise.all(outcomes.map(outcome => storedSamples(admin, zoneId, outcome.metric)))
  outcomes.forEach((outcome, i) => {
    if (outcome.status === 201) expect(before[i], outcome.key).toBe(SAMPLES)
    else if (failedMeansAbsent) expect(before[i], outcome.key).toBe(0)
    else expect([0, SAMPLES], outcome.key).toContain(before[i])
  })
  for (const outcome of outcomes.filter(candidate => candidate.status !== 201)) expect(await load.retry(outcome), outcome.key).toBe(201)
  const after = await Promise.all(outcomes.map(outcome => storedSamples(admin, zoneId, outcome.metric)))
  expect(after).toEqual(outcomes.map(() => SAMPLES))
}

/**
 * A telemetry request whose body is sent in two halves. It asks for `100 Continue`, which Node's server sends
 * as it hands the request to the application: `started` resolves once that came and the first half is sent.
 */
function slowUpload(server: ServerProcess, token: string, body: unknown): { started: Promise<void>, finish: () => void, answer: Promise<number> } {
  const text = JSON.stringify(body)
  const half = Math.floor(text.length / 2)
  const req = request(`${server.url}/api/ingest/telemetry`, {
    method: 'POST',
    agent: false,
    headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'expect': '100-continue' },
  })
  const answer = new Promise<number>((resolve, reject) => {
    req.once('response', (response) => {
      response.resume()
      response.once('end', () => resolve(response.statusCode ?? 0))
    })
    req.once('error', reject)
  })
  const started = new Promise<void>(done => req.once('continue', () => req.write(text.slice(0, half), () => done())))
  req.flushHeaders()
  return { started, finish: () => req.end(text.slice(half)), answer }
}

describe('a server restart', () => {
  it('SIGTERM: clients are told to reconnect (4200), the request in flight is finished and stored, new ones are refused, nothing is half-stored', async () => {
    const { server, dataDir } = await firstServer()
    const sdk = serverSdk(server)
    const admin = await login(server, demoEmail('admin', 'greenfield'))
    const token = await createToken(admin, ['ingest'])
    const node = await firstZonedNode(admin)
    const clients = await watchers(server, sdk)
    await publish(sdk, [1, 2, 3])
    await waitFor(() => clients.every(watcher => ticks(watcher).length === 3), 5_000, 'the first events')
    const oldEpoch = positionsOf(clients[0]!.messages, CHANNEL)[0]!.epoch

    const load = new DeviceLoad(server.url, token, node.uid, { prefix: 'term', samples: SAMPLES })
    await load.answered(201, 3)
    const slow = slowUpload(server, token, { device: node.uid, samples: Array.from({ length: SAMPLES }, (_, i) => ({ metric: 'term_slow', value: i })) })
    await slow.started
    const exit = ended(server, 'SIGTERM')
    await waitFor(() => clients.every(watcher => watcher.closeCodes.includes(4200)), 10_000, 'both clients to get 4200')
    expect(await ingest(server.url, token, '/api/ingest/telemetry', { device: node.uid, samples: [{ metric: 'term_refused', value: 1 }] }).then(response => response.status, () => 'refused')).toBe('refused')
    slow.finish()
    expect(await slow.answer).toBe(201)
    const outcomes = await load.stop()
    expect(await exit).toEqual({ code: 0, signal: null })
    expect(outcomes.filter(outcome => ![201, 0].includes(outcome.status))).toEqual([])

    const again = await restarted(dataDir, server.port)
    const sdkAgain = serverSdk(again)
    // Published by the new process right away, before or while the clients come back.
    await publish(sdkAgain, [4, 5, 6])
    await expectRecovered(clients, sdkAgain, oldEpoch, [4, 5, 6], [7, 8])
    await expectWholeBatches(again, load, outcomes, node.zoneId, true)
    const admin2 = await login(again, demoEmail('admin', 'greenfield'))
    expect([await storedSamples(admin2, node.zoneId, 'term_slow'), await storedSamples(admin2, node.zoneId, 'term_refused')]).toEqual([SAMPLES, 0])
    expect(server.output() + again.output()).not.toMatch(/uncaughtException|unhandledRejection|\[request error\]/)
  }, 120_000)

  it('SIGKILL: restarted on the same data and port, every answered batch is stored whole, no batch is half-stored, and clients reconnect by themselves', async () => {
    const { server, dataDir } = await firstServer()
    const sdk = serverSdk(server)
    const admin = await login(server, demoEmail('admin', 'greenfield'))
    const token = await createToken(admin, ['ingest'])
    const node = await firstZonedNode(admin)
    const clients = await watchers(server, sdk)
    await publish(sdk, [1, 2, 3])
    await waitFor(() => clients.every(watcher => ticks(watcher).length === 3), 5_000, 'the first events')
    const oldEpoch = positionsOf(clients[0]!.messages, CHANNEL)[0]!.epoch

    const load = new DeviceLoad(server.url, token, node.uid, { prefix: 'kill', samples: SAMPLES })
    await load.answered(201, 3)
    expect(await ended(server, 'SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' })
    const outcomes = await load.stop()
    expect(outcomes.filter(outcome => ![201, 0].includes(outcome.status))).toEqual([])
    // Requests in flight at the kill failed at the client (each device stops at its first failure).
    expect(outcomes.filter(outcome => outcome.status === 0).length).toBeGreaterThanOrEqual(1)

    const again = await restarted(dataDir, server.port)
    const sdkAgain = serverSdk(again)
    await publish(sdkAgain, [4, 5, 6])
    await expectRecovered(clients, sdkAgain, oldEpoch, [4, 5, 6], [7, 8])
    await expectWholeBatches(again, load, outcomes, node.zoneId, false)
    expect(again.output()).not.toMatch(/uncaughtException|unhandledRejection|\[request error\]/)
  }, 120_000)
})
