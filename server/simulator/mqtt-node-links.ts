// Connects every simulated tenant's nodes to the embedded MQTT broker, one connection per tenant.
import type { RunningMqtt } from '../devices/mqtt/running-mqtt'
import { SimulatedNodeLink } from './mqtt-node-link'
import { seededRandom } from './random'
import type { SimulatedTenant } from './world'

/** A link per tenant that has a token, to the running broker's port on this machine. */
export async function simulatedNodeLinks(world: SimulatedTenant[], tokens: Map<number, string>, mqtt: RunningMqtt): Promise<Map<number, SimulatedNodeLink>> {
  const links = new Map<number, SimulatedNodeLink>()
  if (mqtt.port === null) return links
  const host = !process.env.HOST || process.env.HOST === '0.0.0.0' || process.env.HOST === '::' ? '127.0.0.1' : process.env.HOST
  for (const tenant of world) {
    const token = tokens.get(tenant.id)
    if (token) links.set(tenant.id, await SimulatedNodeLink.connect(`mqtt://${host.includes(':') ? `[${host}]` : host}:${mqtt.port}`, tenant, token, seededRandom(tenant.id * 104_729)))
  }
  console.log(`[lookout] simulator: nodes send telemetry and take commands over MQTT (port ${mqtt.port})`)
  return links
}
