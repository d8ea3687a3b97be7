// The embedded MQTT 3.1.1 broker (aedes) on MQTT_PORT: devices log in with an ingest token, publish on their
// tenant's topics, and subscribe to their nodes' command topics. A QoS 1 message is acknowledged only once
// its transaction committed (aedes sends PUBACK after authorizePublish answers); while the telemetry queue is
// full, a client that publishes is paused until that message is stored.
import type { AddressInfo, Server } from 'node:net'
import { createServer } from 'node:net'
import { randomUUID } from 'node:crypto'
import type { AedesOptions, Client } from 'aedes'
import { Aedes } from 'aedes'
import type { DomainContext } from '../../domain/context'
import { isDatabaseUnavailable } from '../../db/unavailable'
import { FixedWindowLimiter } from '../../auth/fixed-window-limiter'
import type { DeviceRevocation } from './device-revocations'
import { DeviceRevocations } from './device-revocations'
import type { DeviceSession } from './device-session'
import { openDeviceSession } from './device-session'
import { logDrop } from './drop-log'
import { mqttMetrics } from './mqtt-metrics'
import type { MqttSettings } from './mqtt-settings'
import { PacketSizeGuard } from './packet-size-guard'
import { handlePublish } from './publish-handling'
import { ReadPacing } from './read-pacing'
import { telemetryGroupCommit } from './telemetry-group-commit'
import type { CommandTransport } from './command-dispatcher'
import { commandTopic, commandTopicNode } from './topics'

/** Where device messages go once handled: a topic nobody may subscribe to, so nothing is routed to other clients. */
const HANDLED_TOPIC = '$lookout/handled'

export interface EmbeddedBroker {
  port: number
  /** Closes the sessions `revoked` ends and refuses their CONNECTs in flight; returns how many were closed. */
  revoke: (revoked: DeviceRevocation) => number
  /** Delivers commands to the broker's subscribers, online or with a persistent session. */
  transport: CommandTransport
  close: () => Promise<void>
}

/** Starts the broker; `onSubscribed` hears each node whose command topic got a subscriber. */
export async function startEmbeddedBroker(settings: MqttSettings, domain: () => Promise<DomainContext>, extra: Pick<AedesOptions, 'persistence' | 'mq'>, onSubscribed: (uid: string) => void): Promise<EmbeddedBroker> {
  const sessions = new WeakMap<Client, DeviceSession>()
  const pending = new WeakMap<Client, { opening: Promise<DeviceSession | null>, openedAt: number }>()
  const revocations = new DeviceRevocations()
  const revoked = (client: Client, session: DeviceSession) => revocations.outdates(session, pending.get(client)!.openedAt)
  const rate = new FixedWindowLimiter(settings.messagesPerMinute)
  const pacing = new ReadPacing()
  const metrics = mqttMetrics()
  const broker = await Aedes.createBroker({
    ...extra,
    maxClientsIdLength: 200,
    // Credentials are read here, where the CONNECT packet can still be changed: client ids are made the
    // tenant's own, so a device of another tenant using the same id can never take over its session.
    preConnect: (client, packet, done) => {
      const openedAt = Date.now()
      const opening = domain().then(ctx => openDeviceSession(ctx.db, packet.username, packet.password))
      pending.set(client, { opening, openedAt })
      opening.then((session) => {
        if (session) packet.clientId = tenantClientId(session.tenantId, packet.clientId || randomUUID())
        done(null, true)
      }, error => done(error as Error, false))
    },
    authenticate: (client, _username, _password, done) => {
      void pending.get(client)!.opening.then((session) => {
        if (session && !revoked(client, session)) {
          sessions.set(client, session)
          return done(null, true)
        }
        metrics.connectsRefused.inc()
        logDrop('connect', `refused a connection from ${client.conn && 'remoteAddress' in client.conn ? client.conn.remoteAddress : 'unknown'}: the username (or password) is not an API token with the ingest ability`)
        done(Object.assign(new Error('not authorised'), { returnCode: 5 }), false)
      })
    },
    authorizePublish: (client, packet, done) => {
      const session = client && sessions.get(client)
      if (!client || !session) return done(new Error('not authenticated'))
      const topic = packet.topic
      const delivery = packet.qos > 0 ? { key: `mqtt:${client.id}:${packet.messageId}`, payload: packet.payload as Buffer, redelivery: packet.dup } : null
      Object.assign(packet, { topic: HANDLED_TOPIC, retain: false })
      const handled = domain().then(ctx => handlePublish(ctx, {
        sender: client.id,
        tenantFor: async entity => await session.owns(entity) ? session.tenantId : `not a ${entity.kind} of the token's tenant`,
        withinRate: () => rate.hit(String(session.tokenId)).allowed,
      }, topic, packet.payload as Buffer, delivery))
      // A client publishing into a full queue is not read again until this message is handled (read-pacing.ts).
      if (telemetryGroupCommit.full) pacing.hold(client, handled)
      handled.then(() => done(null), (error: Error) => {
        // Not acknowledged: the connection closes and the device sends the message again after reconnecting.
        console.error(`[lookout] mqtt: could not store a message from ${client.id} on ${topic}: ${isDatabaseUnavailable(error) ? 'the database is unavailable' : error.message}`)
        done(error)
      })
    },
    // Node uids are unique per tenant only: a command goes to subscribers of its own tenant, whatever the topic.
    authorizeForward: (client, packet) => {
      if (commandTopicNode(packet.topic) === null) return packet
      return client.id.startsWith(tenantClientId(commandTenant(packet), '')) ? packet : null
    },
    authorizeSubscribe: (client, subscription, done) => {
      const session = sessions.get(client)
      const uid = commandTopicNode(subscription.topic)
      if (!session || uid === null) return refuseSubscription(client, subscription.topic, 'only a node\'s own command topic lookout/nodes/{uid}/commands may be subscribed to', done)
      session.owns({ kind: 'node', uid }).then((owned) => {
        if (!owned) return refuseSubscription(client, subscription.topic, 'not a node of the token\'s tenant', done)
        done(null, { ...subscription, qos: Math.min(subscription.qos, 1) as 0 | 1 })
        onSubscribed(uid)
      }, (error: Error) => done(error))
    },
  })
  const connected = new Set<Client>()
  broker.on('client', (client) => {
    metrics.connections.inc()
    connected.add(client)
    // Revoked between its authentication and its registration: closed like the sessions that were registered.
    const session = sessions.get(client)
    if (session && revoked(client, session)) client.close()
  })
  broker.on('clientDisconnect', (client) => {
    metrics.connections.dec()
    connected.delete(client)
  })
  const server = createServer((socket) => {
    const guard = new PacketSizeGuard(settings.maxPacketBytes)
    // aedes reads with read(); a 'data' listener then sees each chunk as it is read, before the parser does.
    socket.on('data', (chunk: Buffer) => {
      const size = guard.inspect(chunk)
      if (size === null) return
      metrics.count('unknown', 'oversized')
      logDrop(`${socket.remoteAddress}`, `closed a connection from ${socket.remoteAddress}: a packet of ${size} bytes is over MQTT_MAX_PACKET_BYTES (${settings.maxPacketBytes})`)
      socket.destroy()
    })
    broker.handle(socket)
  })
  const port = await listen(server, settings.port ?? 0, settings.host)
  const revoke = (revocation: DeviceRevocation) => {
    const ends = revocations.record(revocation)
    const ended = [...connected].filter(client => sessions.has(client) && ends(sessions.get(client)!))
    for (const client of ended) client.close()
    if (ended.length > 0) console.warn(`[lookout] mqtt: closed ${ended.length} session(s) of a revoked ${'userId' in revocation ? `user ${revocation.userId}` : `token ${revocation.tokenId}`}`)
    return ended.length
  }
  return { port, revoke, transport: brokerTransport(broker), close: () => closeBroker(server, broker) }
}

/** A client id of `tenantId`'s own (the tenant's devices may use any id without meeting another tenant's). */
function tenantClientId(tenantId: number | string, clientId: string): string {
  return `t${tenantId}/${clientId}`
}

/** The tenant a command packet was published for (its MQTT 5 user property, never written to 3.1.1 clients). */
function commandTenant(packet: { properties?: { userProperties?: Record<string, string | string[]> } }): string {
  return String(packet.properties?.userProperties?.[TENANT_PROPERTY] ?? 'none')
}

const TENANT_PROPERTY = 'lookout-tenant'

function brokerTransport(broker: Aedes): CommandTransport {
  return {
    reachable: async (node) => {
      // Subscriptions of persistent sessions stay in the persistence while their device is offline.
      const { persistence } = broker as Aedes & { persistence: { subscriptionsByTopic: (topic: string) => Promise<Array<{ clientId: string }>> } }
      const subscribers = await persistence.subscriptionsByTopic(commandTopic(node.uid))
      return subscribers.some(subscriber => subscriber.clientId.startsWith(tenantClientId(node.tenantId, '')))
    },
    publish: (topic, payload, tenantId) => new Promise((resolve, reject) => {
      const properties = { userProperties: { [TENANT_PROPERTY]: String(tenantId) } }
      broker.publish({ cmd: 'publish', topic, payload: Buffer.from(payload), qos: 1, retain: false, dup: false, properties }, error => error ? reject(error) : resolve())
    }),
  }
}

function refuseSubscription(client: Client, topic: string, reason: string, done: (error: Error | null, subscription?: null) => void): void {
  mqttMetrics().subscriptionsRefused.inc()
  logDrop(client.id, `refused a subscription of ${client.id} to ${topic}: ${reason}`)
  done(null, null)
}

function listen(server: Server, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port))
  })
}

function closeBroker(server: Server, broker: Aedes): Promise<void> {
  return new Promise((resolve) => {
    server.close()
    broker.close(() => resolve())
  })
}
