import { describe, expect, it } from 'vitest'
import { loadWebhookSettings } from '../../../../../server/realtime/webhooks/webhook-config'

describe('webhook settings', () => {
  it('reads soketi-shaped receivers and the batching window', () => {
    const receivers = [{ url: 'http://127.0.0.1:8080/hooks', event_types: ['channel_occupied', 'member_added'], filter: { channel_name_starts_with: 'private-' }, headers: { 'X-Team': 'ops' } }]
    expect(loadWebhookSettings({ LOOKOUT_WEBHOOKS: JSON.stringify(receivers), LOOKOUT_WEBHOOK_BATCH_MS: '250' })).toEqual({ receivers, batchMs: 250 })
  })

  it('has no receivers and no batching when unset', () => {
    expect(loadWebhookSettings({})).toEqual({ receivers: [], batchMs: 0 })
  })

  it('refuses invalid JSON naming the variable', () => {
    expect(() => loadWebhookSettings({ LOOKOUT_WEBHOOKS: '[{url:' })).toThrow('LOOKOUT_WEBHOOKS is not valid JSON')
  })

  it('refuses an unknown event type naming its position', () => {
    expect(() => loadWebhookSettings({ LOOKOUT_WEBHOOKS: '[{"url":"http://a.example/h","event_types":["channel_exploded"]}]' })).toThrow(/^LOOKOUT_WEBHOOKS\.0\.event_types\.0:/)
  })

  it('refuses a receiver URL that is not http(s)', () => {
    expect(() => loadWebhookSettings({ LOOKOUT_WEBHOOKS: '[{"url":"ftp://a.example/h","event_types":["cache_miss"]}]' })).toThrow(/^LOOKOUT_WEBHOOKS\.0\.url:/)
  })

  it('refuses a negative batching window', () => {
    expect(() => loadWebhookSettings({ LOOKOUT_WEBHOOK_BATCH_MS: '-5' })).toThrow('LOOKOUT_WEBHOOK_BATCH_MS')
  })
})
