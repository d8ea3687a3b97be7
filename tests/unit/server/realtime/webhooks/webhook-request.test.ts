import Pusher from 'pusher'
import { describe, expect, it } from 'vitest'
import { webhookBody, webhookHeaders } from '../../../../../server/realtime/webhooks/webhook-request'

const APP = { appId: 'app', key: 'app-key', secret: 'app-secret', host: '127.0.0.1' }

/** What the pusher SDK's webhook() makes of a request, as a receiver would use it. */
function received(body: string, headers: Record<string, string>) {
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]))
  return new Pusher(APP).webhook({ headers: lower, rawBody: body })
}

describe('webhook requests', () => {
  it('are accepted by the pusher SDK, which reads the events and time back', () => {
    const body = webhookBody([{ name: 'channel_occupied', channel: 'private-a' }], 1_700_000_000_000)
    const webhook = received(body, webhookHeaders(APP, body))
    expect(webhook.isValid()).toBe(true)
    expect(webhook.getEvents()).toEqual([{ name: 'channel_occupied', channel: 'private-a' }])
    expect(webhook.getTime().getTime()).toBe(1_700_000_000_000)
  })

  it('are refused by the SDK when signed with another secret', () => {
    const body = webhookBody([{ name: 'cache_miss', channel: 'cache-a' }], 1)
    expect(received(body, webhookHeaders({ ...APP, secret: 'other' }, body)).isValid()).toBe(false)
  })

  it('carry the content type exactly application/json', () => {
    expect(webhookHeaders(APP, '{}')['Content-Type']).toBe('application/json')
  })

  it('add a receiver\'s own headers but never let them replace the signature or content type', () => {
    const headers = webhookHeaders(APP, '{}', { 'Authorization': 'Bearer t', 'x-pusher-signature': 'forged', 'content-type': 'text/plain' })
    expect(headers).toEqual({
      'Authorization': 'Bearer t',
      'Content-Type': 'application/json',
      'X-Pusher-Key': 'app-key',
      'X-Pusher-Signature': webhookHeaders(APP, '{}')['X-Pusher-Signature'],
    })
  })
})
