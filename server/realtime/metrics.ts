// Prometheus metrics of the realtime engine, on a registry of its own.
import { Counter, Gauge, Histogram, Registry } from 'prom-client'

export class EngineMetrics {
  readonly registry = new Registry()
  readonly connections = new Gauge({ name: 'lookout_ws_connections', help: 'Open WebSocket connections', registers: [this.registry] })
  readonly subscriptions = new Gauge({ name: 'lookout_ws_subscriptions', help: 'Channel subscriptions held by sockets', registers: [this.registry] })
  readonly channels = new Gauge({ name: 'lookout_ws_channels', help: 'Occupied channels', registers: [this.registry] })
  readonly connectionsOpened = new Counter({ name: 'lookout_ws_connections_opened_total', help: 'Connections accepted', registers: [this.registry] })
  readonly messagesIn = new Counter({ name: 'lookout_ws_messages_in_total', help: 'Frames received from clients', registers: [this.registry] })
  readonly bytesIn = new Counter({ name: 'lookout_ws_bytes_in_total', help: 'Bytes received from clients', registers: [this.registry] })
  readonly messagesOut = new Counter({ name: 'lookout_ws_messages_out_total', help: 'Frames written to clients', registers: [this.registry] })
  readonly bytesOut = new Counter({ name: 'lookout_ws_bytes_out_total', help: 'Bytes written to clients', registers: [this.registry] })
  readonly eventsPublished = new Counter({ name: 'lookout_events_published_total', help: 'Events published, per channel targeted', labelNames: ['source'] as const, registers: [this.registry] })
  readonly errors = new Counter({ name: 'lookout_ws_errors_total', help: 'Protocol errors sent or closes made, by code', labelNames: ['code'] as const, registers: [this.registry] })
  readonly clusterUp = new Gauge({ name: 'lookout_cluster_redis_up', help: '1 while this node is in sync with the cluster\'s Redis, 0 while it serves its own sockets alone (degraded)', registers: [this.registry] })
  readonly clusterNodes = new Gauge({ name: 'lookout_cluster_nodes', help: 'Live nodes in the cluster, by their heartbeats', registers: [this.registry] })
  readonly clusterConnections = new Gauge({ name: 'lookout_cluster_connections', help: 'Open WebSocket connections over every node of the cluster', registers: [this.registry] })
  readonly fanoutSeconds = new Histogram({
    name: 'lookout_fanout_seconds',
    help: 'Time to write one event to every subscriber of a channel on this node',
    buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  })

  /** Counts an error by its protocol code (or `none`). */
  error(code: number | null): void {
    this.errors.inc({ code: code === null ? 'none' : String(code) })
  }
}
