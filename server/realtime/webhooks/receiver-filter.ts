// Which events of a batch one receiver gets: its event types, and its channel name filter.
import type { WebhookReceiver } from './webhook-config'
import type { WebhookEvent } from './webhook-event'

/** The events `receiver` asked for, in order; the body sent holds exactly these. */
export function eventsFor(receiver: WebhookReceiver, events: WebhookEvent[]): WebhookEvent[] {
  const types = new Set<string>(receiver.event_types)
  const startsWith = receiver.filter?.channel_name_starts_with
  const endsWith = receiver.filter?.channel_name_ends_with
  return events.filter(event => types.has(event.name)
    && (startsWith === undefined || event.channel.startsWith(startsWith))
    && (endsWith === undefined || event.channel.endsWith(endsWith)))
}
