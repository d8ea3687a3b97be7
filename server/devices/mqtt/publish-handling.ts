// What happens to one PUBLISH from a device, whichever broker it came through: topic, access, rate limit,
// then storage. Every message not stored is counted in /metrics and logged with its topic and reason.
import type { DomainContext } from '../../domain/context'
import type { DeviceEntity } from '../../domain/device-ownership'
import type { Delivery } from '../../ingest/delivery-once'
import { recordIngest } from '../../observability/ingest-metrics'
import { logDrop } from './drop-log'
import { ingestMessage } from './ingest-message'
import { mqttMetrics } from './mqtt-metrics'
import { entityOf } from './topic-entity'
import { parseDeviceTopic } from './topics'

export interface PublishContext {
  /** Who sent it, for the log: a client id (embedded broker) or "external broker". */
  sender: string
  /** The tenant allowed to publish for `entity`, or a reason it is refused. */
  tenantFor: (entity: DeviceEntity) => Promise<number | string>
  /** False when the sender is over its rate limit. */
  withinRate: () => boolean
}

/** Handles one message; resolves once it is stored or dropped (then it may be acknowledged), throws when it cannot be stored now. */
export async function handlePublish(ctx: DomainContext, from: PublishContext, topicName: string, payload: Uint8Array, delivery: Delivery | null): Promise<void> {
  const metrics = mqttMetrics()
  const topic = parseDeviceTopic(topicName)
  if (!topic) {
    metrics.count('unknown', 'unknown_topic')
    return logDrop(from.sender, `refused a message from ${from.sender} on ${topicName}: not a device topic (see the README's MQTT topics)`)
  }
  const tenant = await from.tenantFor(entityOf(topic))
  if (typeof tenant === 'string') {
    metrics.count(topic.kind, 'refused')
    return logDrop(from.sender, `refused a message from ${from.sender} on ${topicName}: ${tenant}`)
  }
  if (!from.withinRate()) {
    metrics.count(topic.kind, 'rate_limited')
    return logDrop(from.sender, `dropped a message from ${from.sender} on ${topicName}: over MQTT_MESSAGES_PER_MINUTE for its token`)
  }
  const started = performance.now()
  const seconds = () => (performance.now() - started) / 1000
  const result = await ingestMessage(ctx, tenant, topic, payload, delivery).catch((error: unknown) => {
    recordIngest('mqtt', topic.kind, 'failed', seconds())
    throw error
  })
  recordIngest('mqtt', topic.kind, result.outcome === 'stored' || result.outcome === 'duplicate' ? 'stored' : 'refused', seconds())
  if (result.outcome === 'invalid') {
    metrics.count(topic.kind, 'invalid')
    return logDrop(from.sender, `dropped an invalid message from ${from.sender} on ${topicName}: ${result.refusal.field}: ${result.refusal.message}`)
  }
  if (result.outcome === 'overflow') {
    metrics.count(topic.kind, 'overflow')
    return logDrop(from.sender, `dropped a QoS 0 message from ${from.sender} on ${topicName}: the telemetry queue is full (send QoS 1 to have it wait instead)`)
  }
  metrics.count(topic.kind, result.outcome)
}
