import { describe, expect, it } from 'vitest'
import { eventsFor } from '../../../../../server/realtime/webhooks/receiver-filter'
import type { WebhookEvent } from '../../../../../server/realtime/webhooks/webhook-event'

const EVENTS: WebhookEvent[] = [
  { name: 'channel_occupied', channel: 'private-orders.1' },
  { name: 'member_added', channel: 'presence-room.1', user_id: '7' },
  { name: 'channel_occupied', channel: 'public-news' },
  { name: 'channel_vacated', channel: 'private-orders.2' },
]

describe('receiver filter', () => {
  it('keeps only the event types a receiver asked for, in order', () => {
    expect(eventsFor({ url: 'http://r', event_types: ['channel_occupied', 'channel_vacated'] }, EVENTS).map(event => event.channel))
      .toEqual(['private-orders.1', 'public-news', 'private-orders.2'])
  })

  it('keeps only channels starting with the prefix', () => {
    expect(eventsFor({ url: 'http://r', event_types: ['channel_occupied', 'member_added'], filter: { channel_name_starts_with: 'private-' } }, EVENTS))
      .toEqual([{ name: 'channel_occupied', channel: 'private-orders.1' }])
  })

  it('keeps only channels ending with the suffix, combined with the prefix', () => {
    const receiver = { url: 'http://r', event_types: ['channel_occupied' as const, 'channel_vacated' as const], filter: { channel_name_starts_with: 'private-', channel_name_ends_with: '.2' } }
    expect(eventsFor(receiver, EVENTS)).toEqual([{ name: 'channel_vacated', channel: 'private-orders.2' }])
  })
})
