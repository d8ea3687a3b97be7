// The events of a webhook body, shaped as Pusher sends them, made from cluster changes and this node's activity.
import type { AppActivityEvent } from '../app-activity'
import type { ClusterChange } from '../broker'
import type { WebhookEventType } from './webhook-config'

/** One entry of a webhook body's `events` array. */
export interface WebhookEvent {
  name: WebhookEventType
  channel: string
  user_id?: string
  event?: string
  data?: string
  socket_id?: string
  subscription_count?: number
}

/** The webhook event of a cluster-wide occupancy or presence change. */
export function changeEvent(change: ClusterChange): WebhookEvent {
  return 'userId' in change ? { name: change.name, channel: change.channel, user_id: change.userId } : { name: change.name, channel: change.channel }
}

/** The webhook event of a client event or cache miss (subscription counts need the broker's count: see webhook-feed). */
export function activityEvent(activity: Exclude<AppActivityEvent, { name: 'subscription_count' }>): WebhookEvent {
  if (activity.name === 'cache_miss') return { name: 'cache_miss', channel: activity.channel }
  return {
    name: 'client_event',
    channel: activity.channel,
    event: activity.event,
    data: activity.data,
    socket_id: activity.socketId,
    ...(activity.userId === undefined ? {} : { user_id: activity.userId }),
  }
}
