// Fuzzes the WebSocket endpoint of the built server with at least 20 000 random frames from fast-check (bytes, text,
// JSON, Pusher-shaped and mutated frames, validly signed ones) over a few sockets: no crash, no hung socket, no leak,
// and a pusher-js client and a raw client on the same server get every event published meanwhile.
import fc from 'fast-check'
import type Pusher from 'pusher'
import type PusherJs from 'pusher-js'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { connected, pusherClient, serverSdk, waitFor } from '../support/clients'
import { metric } from '../support/cluster'
import { FuzzSocket } from '../support/fuzz-socket'
import { fuzzFrame } from '../support/pusher-frame-arbitraries'
import type { FuzzFrame } from '../support/pusher-frame-arbitraries'
import { RawSocket } from '../support/raw-socket'
import { MEMORY_PROBE_ENV, settledMemory } from '../support/server-memory'
import { unhandledErrorsSince } from '../support/server-log'
import type { ServerProcess } from '../support/server-process'
import { startServer, TEST_APP } from '../support/server-process'

/** Frames the server must have handled (lookout_ws_messages_in_total, the test's own sync frames not counted). */
const TARGET_FRAMES = 20_000
const SOCKETS = 4
const BATCH = 50
const SEED = 8_2026
/** Close codes a fuzz frame may earn: invalid UTF-8, a frame over the limit, a failed signin. */
const EXPECTED_CLOSES = new Set([1007, 1009, 4009])
/** Heap growth allowed after everything is closed and collected; a leak of one record per frame would be far more. */
const HEAP_GROWTH_LIMIT = 24 * 1024 * 1024
const RSS_GROWTH_LIMIT = 200 * 1024 * 1024

let server: ServerProcess
let sdk: Pusher
let echoLike: PusherJs
let raw: RawSocket
const pusherJsTicks: number[] = []

beforeAll(async () => {
  server = await startServer({ ...MEMORY_PROBE_ENV, REVERB_APP_MAX_MESSAGE_SIZE: '20000' })
  sdk = serverSdk(server)
  echoLike = pusherClient(server, sdk)
  await connected(echoLike)
  let subscribed = false
  const channel = echoLike.subscribe('bystander')
  channel.bind('pusher:subscription_succeeded', () => { subscribed = true })
  channel.bind('tick', (data: { n: number }) => pusherJsTicks.push(data.n))
  raw = await RawSocket.open(server, TEST_APP.key)
  raw.send({ event: 'pusher:subscribe', data: { channel: 'bystander' } })
  await raw.next('pusher_internal:subscription_succeeded')
  await waitFor(() => subscribed, 5_000, 'pusher-js to subscribe')
})
afterAll(async () => {
  echoLike.disconnect()
  raw.close()
  await server.stop()
})

it(`survives ${TARGET_FRAMES} random frames without a crash, a hung socket, a leak or a lost event`, async () => {
  const baseline = await settledMemory(server)
  const handledBefore = await metric(server, 'lookout_ws_messages_in_total') ?? 0
  const frames = fc.sample(fuzzFrame, { numRuns: TARGET_FRAMES * 3, seed: SEED }) as FuzzFrame[]
  const sockets = await Promise.all(Array.from({ length: SOCKETS }, () => FuzzSocket.open(server)))
  const closes = new Map<number, number>()
  const errors = new Map<string, number>()
  const countErrors = (socket: FuzzSocket) => {
    for (const [code, count] of socket.errors) errors.set(code, (errors.get(code) ?? 0) + count)
  }
  let sent = 0
  let syncs = 0
  let ticks = 0
  let handled = 0
  for (let batch = 0; handled < TARGET_FRAMES; batch += 1) {
    expect(sent + BATCH, 'frames to send').toBeLessThanOrEqual(frames.length)
    const slot = batch % SOCKETS
    const socket = sockets[slot]!
    for (const frame of frames.slice(sent, sent + BATCH)) socket.send(frame)
    sent += BATCH
    if (await socket.sync(`sync-${batch}`) === 'answered') {
      syncs += 1
    }
    else {
      expect(EXPECTED_CLOSES, `close code ${socket.closeCode}`).toContain(socket.closeCode)
      closes.set(socket.closeCode!, (closes.get(socket.closeCode!) ?? 0) + 1)
      countErrors(socket)
      sockets[slot] = await FuzzSocket.open(server)
    }
    if (batch % 10 === 9) {
      ticks += 1
      await sdk.trigger('bystander', 'tick', { n: ticks })
      handled = (await metric(server, 'lookout_ws_messages_in_total') ?? 0) - handledBefore - syncs
    }
  }
  for (const socket of sockets) {
    countErrors(socket)
    await socket.close()
  }

  await waitFor(() => pusherJsTicks.length >= ticks && raw.frames.filter(frame => frame.event === 'tick').length >= ticks, 10_000, 'every tick')
  const everyTick = Array.from({ length: ticks }, (_, i) => i + 1)
  expect(pusherJsTicks).toEqual(everyTick)
  expect(raw.frames.filter(frame => frame.event === 'tick').map(frame => (JSON.parse(frame.data as string) as { n: number }).n)).toEqual(everyTick)

  echoLike.disconnect()
  raw.close()
  await expect.poll(() => metric(server, 'lookout_ws_connections'), { timeout: 10_000 }).toBe(0)
  await expect.poll(() => metric(server, 'lookout_ws_subscriptions'), { timeout: 10_000 }).toBe(0)
  await expect.poll(() => metric(server, 'lookout_ws_channels'), { timeout: 10_000 }).toBe(0)
  const after = await settledMemory(server)
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
  console.log([
    `fuzzed: ${sent} frames sent, ${handled} handled by the engine (seed ${SEED}), over ${SOCKETS} sockets at a time`,
    `closes: ${JSON.stringify(Object.fromEntries(closes))}, pusher:error frames by code: ${JSON.stringify(Object.fromEntries(errors))}`,
    `events published meanwhile: ${ticks}, lost: 0 (pusher-js and raw bystanders)`,
    `server memory after GC: heap ${mb(baseline.heapUsed)} -> ${mb(after.heapUsed)}, rss ${mb(baseline.rss)} -> ${mb(after.rss)}`,
  ].join('\n'))

  expect(handled).toBeGreaterThanOrEqual(TARGET_FRAMES)
  expect(after.heapUsed - baseline.heapUsed).toBeLessThan(HEAP_GROWTH_LIMIT)
  expect(after.rss - baseline.rss).toBeLessThan(RSS_GROWTH_LIMIT)
  expect(server.child.exitCode).toBeNull()
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  expect(unhandledErrorsSince(server)).toEqual([])
}, 240_000)
