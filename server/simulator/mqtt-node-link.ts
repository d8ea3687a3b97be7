// Simulated nodes over MQTT (when the embedded broker runs): each tenant's nodes publish their telemetry on
// their telemetry topics in ThingsBoard's flat form, and one node per zone takes the zone's commands from its
// command topic, answering on the status topic as a real node would.
import type { MqttClient } from 'mqtt'
import { connect } from 'mqtt'
import type { Random } from './random'
import type { SimulatedTenant } from './world'

interface InFlight {
  id: number
  uid: string
  /** Ticks until the next step, and the step. */
  wait: number
  step: 'acknowledged' | 'finish'
}

export class SimulatedNodeLink {
  private readonly inFlight: InFlight[] = []

  private constructor(private readonly client: MqttClient, private readonly random: Random, private readonly failureChance = 0.15) {
    client.on('message', (topic, payload) => {
      const uid = /^lookout\/nodes\/([^/]+)\/commands$/.exec(topic)?.[1]
      const command = uid ? parseCommand(payload) : null
      if (uid && command) this.inFlight.push({ id: command.id, uid, wait: 1, step: 'acknowledged' })
    })
  }

  /** Connects a tenant's nodes with its ingest token, with a persistent session for the zones' command nodes. */
  static async connect(url: string, tenant: SimulatedTenant, token: string, random: Random): Promise<SimulatedNodeLink> {
    const client = connect(url, { username: token, clientId: `simulator-${tenant.id}`, clean: false, protocolVersion: 4, reconnectPeriod: 2000 })
    // Listening before the CONNACK: a persistent session's queued commands arrive right after it.
    const link = new SimulatedNodeLink(client, random)
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve())
      client.once('error', reject)
    })
    const commandNodes = tenant.zones.map(zone => tenant.nodes.find(node => node.zoneId === zone.id)?.uid).filter((uid): uid is string => uid !== undefined)
    if (commandNodes.length > 0) await client.subscribeAsync(commandNodes.map(uid => `lookout/nodes/${uid}/commands`), { qos: 1 })
    return link
  }

  /** Publishes each node's samples (QoS 1: the promise settles once the server stored them). */
  async telemetry(items: Array<{ device: string, samples: Array<{ metric: string, value: number }> }>): Promise<void> {
    await Promise.all(items.map(item => this.client.publishAsync(`lookout/nodes/${item.device}/telemetry`,
      JSON.stringify(Object.fromEntries(item.samples.map(sample => [sample.metric, sample.value]))), { qos: 1 })))
  }

  /** Advances the commands received: acknowledged one tick after arriving, then succeeded (or failed). */
  async tickCommands(): Promise<void> {
    for (const command of [...this.inFlight]) {
      if (--command.wait > 0) continue
      const topic = `lookout/nodes/${command.uid}/commands/${command.id}/status`
      if (command.step === 'acknowledged') {
        await this.client.publishAsync(topic, '{"status":"acknowledged"}', { qos: 1 })
        Object.assign(command, { step: 'finish', wait: 1 + Math.floor(this.random() * 2) })
        continue
      }
      const failed = this.random() < this.failureChance
      await this.client.publishAsync(topic, JSON.stringify(failed ? { status: 'failed', detail: 'Actuator did not respond' } : { status: 'succeeded' }), { qos: 1 })
      this.inFlight.splice(this.inFlight.indexOf(command), 1)
    }
  }

  close(): Promise<void> {
    return this.client.endAsync()
  }
}

function parseCommand(payload: Buffer): { id: number } | null {
  try {
    const command = JSON.parse(payload.toString()) as { id?: unknown }
    return typeof command.id === 'number' ? { id: command.id } : null
  }
  catch {
    return null
  }
}
