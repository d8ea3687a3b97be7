// Prometheus metrics of the MQTT adapter (embedded broker or external client), on a registry of its own.
import { Counter, Gauge, Registry } from 'prom-client'

/** What became of a device message. */
export type MessageOutcome = 'stored' | 'duplicate' | 'invalid' | 'refused' | 'rate_limited' | 'oversized' | 'unknown_topic' | 'overflow'

class MqttMetrics {
  readonly registry = new Registry()
  readonly messages = new Counter({ name: 'lookout_mqtt_messages_total', help: 'Device messages received over MQTT, by topic kind and outcome', labelNames: ['kind', 'outcome'] as const, registers: [this.registry] })
  readonly connections = new Gauge({ name: 'lookout_mqtt_connections', help: 'Devices connected to the embedded MQTT broker', registers: [this.registry] })
  readonly connectsRefused = new Counter({ name: 'lookout_mqtt_connects_refused_total', help: 'MQTT connections refused (CONNACK 5: no ingest token)', registers: [this.registry] })
  readonly subscriptionsRefused = new Counter({ name: 'lookout_mqtt_subscriptions_refused_total', help: 'MQTT subscriptions refused by the topic access rules', registers: [this.registry] })
  readonly commandsPublished = new Counter({ name: 'lookout_mqtt_commands_published_total', help: 'Commands published to nodes over MQTT', registers: [this.registry] })

  /** Counts one message of `kind` ending in `outcome`. */
  count(kind: string, outcome: MessageOutcome): void {
    this.messages.inc({ kind, outcome })
  }
}

let metrics: MqttMetrics | null = null

/** The process's MQTT metrics. */
export function mqttMetrics(): MqttMetrics {
  metrics ??= new MqttMetrics()
  return metrics
}
