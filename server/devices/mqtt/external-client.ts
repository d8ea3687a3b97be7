// Lookout as a client of an existing broker (MQTT_URL: Mosquitto, EMQX ...): it subscribes to the device
// topics and publishes commands there. The broker authenticates devices; the tenant of a message is the one
// owning the node, gateway or vehicle its topic names. A QoS 1 message is acknowledged to the broker only once
// stored, and the session is persistent, so what arrives while Lookout is down waits in the broker.
import { randomUUID } from 'node:crypto'
import type { MqttClient } from 'mqtt'
import { connect } from 'mqtt'
import type { CommandNode } from '../../domain/commands/queued-command-nodes'
import type { DomainContext } from '../../domain/context'
import { ownersOf } from '../../domain/device-ownership'
import type { CommandTransport } from './command-dispatcher'
import { logDrop } from './drop-log'
import type { MqttSettings } from './mqtt-settings'
import { handlePublish } from './publish-handling'
import { INGEST_SUBSCRIPTIONS } from './topics'

/** Share name of Lookout's subscriptions: with several instances each message goes to one of them. */
const SHARE = '$share/lookout/'

export interface ExternalBrokerLink {
  transport: CommandTransport
  close: () => Promise<void>
}

/** Connects to `settings.url`, subscribes, and stores what devices publish; `onNode` hears each node seen. */
export async function connectExternalBroker(settings: MqttSettings, domain: () => Promise<DomainContext>, onNode: () => void): Promise<ExternalBrokerLink> {
  // Nodes that spoke over MQTT: only they are handed commands here (the others may be fetching them over HTTP).
  const mqttNodes = new Set<string>()
  const clientId = process.env.MQTT_CLIENT_ID || `lookout-${randomUUID().slice(0, 8)}`
  const client: MqttClient = connect(settings.url!, { clientId, clean: false, protocolVersion: 4, reconnectPeriod: 2000 })
  // Set before the CONNACK: the broker sends what it queued for the persistent session right after it.
  client.handleMessage = (packet, done) => {
    if (packet.cmd !== 'publish') return done()
    const delivery = packet.qos > 0 ? { key: `mqtt:${clientId}:${packet.messageId}`, payload: packet.payload as Buffer, redelivery: packet.dup } : null
    domain().then(ctx => handlePublish(ctx, {
      sender: `the broker (topic ${packet.topic})`,
      tenantFor: async (entity) => {
        const owners = await ownersOf(ctx.db, entity)
        if (owners.length !== 1) return owners.length === 0 ? `no tenant has this ${entity.kind}` : `several tenants have this ${entity.kind}: use the embedded broker`
        if (entity.kind === 'node' && !mqttNodes.has(`${owners[0]}:${entity.uid}`)) {
          mqttNodes.add(`${owners[0]}:${entity.uid}`)
          onNode()
        }
        return owners[0]!
      },
      withinRate: () => true,
    }, packet.topic, packet.payload as Buffer, delivery)).then(() => done(), (error: Error) => {
      // Not acknowledged: the broker delivers it again when the connection is back.
      console.error(`[lookout] mqtt: could not store a message on ${packet.topic}: ${error.message}; reconnecting`)
      done(error)
      client.stream.destroy()
    })
  }
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve())
    client.once('error', reject)
  })
  client.on('error', error => logDrop('external', `external broker: ${error.message}`))
  const granted = await client.subscribeAsync(INGEST_SUBSCRIPTIONS.map(topic => SHARE + topic), { qos: 1 })
  const refused = granted.filter(grant => grant.qos === 128)
  if (refused.length > 0) console.error(`[lookout] mqtt: the broker refused the subscriptions ${refused.map(grant => grant.topic).join(', ')}`)
  return {
    transport: {
      reachable: async (node: CommandNode) => mqttNodes.has(`${node.tenantId}:${node.uid}`),
      // Not awaited: while the broker is away the client keeps the message and sends it on reconnecting.
      publish: async (topic, payload) => {
        client.publish(topic, payload, { qos: 1 }, error => error && logDrop('external', `publishing on ${topic} failed: ${error.message}`))
      },
    },
    close: () => client.endAsync(),
  }
}
