// Webhook delivery across failures: batching, a receiver that refuses or is down, a Lookout restart
// (nothing lost, nothing sent twice after a 2xx), and the numbers /metrics and the system page show.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type PusherJs from 'pusher-js'
import { afterEach, describe, expect, it } from 'vitest'
import { connected, pusherClient, serverSdk, waitFor } from '../support/clients'
import { metric, until } from '../support/cluster'
import { demoEmail, login } from '../support/http-session'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { startWebhookReceiver } from '../support/webhook-receiver'
import type { WebhookReceiver } from '../support/webhook-receiver'
import { subscribed, webhooksEnv } from '../support/webhook-setup'

const clients: PusherJs[] = []
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect()
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function started(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServer(env)
  cleanups.push(() => server.stop())
  return server
}

async function receiver(): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver()
  cleanups.push(() => started.close())
  return started
}

async function subscribe(server: ServerProcess, ...channels: string[]): Promise<PusherJs> {
  const pusher = pusherClient(server, serverSdk(server))
  clients.push(pusher)
  await connected(pusher)
  for (const name of channels) await subscribed(pusher, name)
  return pusher
}

const occupied = (target: WebhookReceiver) => target.events().filter(event => event.name === 'channel_occupied').map(event => event.channel)

describe('webhook delivery', () => {
  it('gathers the events of one batching window into one signed request', async () => {
    const target = await receiver()
    const server = await started(webhooksEnv([{ url: target.url, event_types: ['channel_occupied'] }], 1_000))
    await subscribe(server, 'batch-1', 'batch-2', 'batch-3')
    await waitFor(() => occupied(target).length === 3, 10_000, 'three occupancies')
    expect(target.accepted).toHaveLength(1)
    expect(target.accepted[0]!.valid).toBe(true)
    expect(occupied(target)).toEqual(['batch-1', 'batch-2', 'batch-3'])
  }, 90_000)

  it('retries while the receiver refuses and while it is down, then delivers each event once', async () => {
    const target = await receiver()
    const server = await started(webhooksEnv([{ url: target.url, event_types: ['channel_occupied'] }]))
    target.answer(500)
    await subscribe(server, 'refused')
    await waitFor(() => target.refused >= 2, 15_000, 'two refused attempts')
    await target.shut()
    await subscribe(server, 'unreachable')
    await until(async () => (await metric(server, 'lookout_webhooks_queue_length')) === 2, 10_000, 'two queued deliveries')
    target.answer(200)
    await target.reopen()
    await waitFor(() => occupied(target).length === 2, 70_000, 'both deliveries after the outage')
    expect(occupied(target).sort()).toEqual(['refused', 'unreachable'])
    expect(await metric(server, 'lookout_webhooks_retried_total')).toBeGreaterThanOrEqual(3)
    expect(await metric(server, 'lookout_webhooks_sent_total')).toBe(2)
    expect(await metric(server, 'lookout_webhooks_queue_length')).toBe(0)
    const admin = await login(server, demoEmail('admin', 'greenfield'))
    const numbers = await (await admin.fetch('/api/system/realtime')).json() as { webhooks: Record<string, number> }
    expect(numbers.webhooks).toMatchObject({ receivers: 1, sent: 2, failed: 0, queueLength: 0 })
    expect(numbers.webhooks.retried).toBeGreaterThanOrEqual(3)
  }, 120_000)

  it('keeps undelivered events across a restart and never resends one that was acknowledged', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lookout-webhooks-'))
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }))
    const target = await receiver()
    const env = { ...webhooksEnv([{ url: target.url, event_types: ['channel_occupied'] }]), DATA_DIR: dataDir }
    const before = await startServer(env)
    try {
      await subscribe(before, 'acknowledged')
      await waitFor(() => occupied(target).length === 1, 10_000, 'the first delivery')
      await target.shut()
      await subscribe(before, 'pending')
      await until(async () => (await metric(before, 'lookout_webhooks_retried_total') ?? 0) >= 1, 10_000, 'a failed attempt')
    }
    finally {
      for (const client of clients.splice(0)) client.disconnect()
      await before.stop()
    }
    await target.reopen()
    const after = await started(env)
    await waitFor(() => occupied(target).length === 2, 15_000, 'the pending delivery after the restart')
    await until(async () => (await metric(after, 'lookout_webhooks_queue_length')) === 0, 10_000, 'an empty queue')
    expect(occupied(target)).toEqual(['acknowledged', 'pending'])
  }, 120_000)
})
